#pragma once
// What a screen needs to act: the open database, the clock and the signed-in
// actor - the use cases' context. Screens call use cases with it.
#include "usecases/Context.h"

namespace heart::ui {

using Services = usecases::Context;

} // namespace heart::ui
