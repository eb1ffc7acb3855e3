#include "core/cad/EidoSchema.h"

#include "core/cad/EidoTime.h"
#include "core/cad/EmbeddedText.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace heart::cad {

namespace {

using json = nlohmann::json;

constexpr int kMaxDepth = 80; // the reader refuses anything past 64 before the check

const json& schema()
{
    static const json parsed = json::parse(embedded::eidoSchemaJson());
    return parsed;
}

const json* resolve(const std::string& ref)
{
    static constexpr std::string_view prefix = "#/definitions/";
    if (ref.rfind(prefix, 0) != 0)
        return nullptr;
    const auto& definitions = schema().at("definitions");
    const auto found = definitions.find(ref.substr(prefix.size()));
    return found == definitions.end() ? nullptr : &*found;
}

bool hasType(const json& value, const std::string& type)
{
    if (type == "object")
        return value.is_object();
    if (type == "array")
        return value.is_array();
    if (type == "string")
        return value.is_string();
    if (type == "boolean")
        return value.is_boolean();
    if (type == "number")
        return value.is_number();
    if (type == "integer") {
        if (value.is_number_integer())
            return true;
        if (!value.is_number_float())
            return false;
        const double number = value.get<double>();
        return std::isfinite(number) && std::floor(number) == number;
    }
    if (type == "null")
        return value.is_null();
    return true;
}

std::string article(const std::string& type)
{
    return (type == "object" || type == "array" || type == "integer") ? "an " + type : "a " + type;
}

class Checker
{
public:
    std::vector<DataError> errors;

    void check(const json& rule, const json& value, std::string& path, int depth)
    {
        if (full())
            return;
        if (depth > kMaxDepth) {
            add(path, "too-deep", "nested deeper than " + std::to_string(kMaxDepth) + " levels");
            return;
        }
        if (const auto ref = rule.find("$ref"); ref != rule.end()) {
            if (const json* target = resolve(ref->get<std::string>()))
                check(*target, value, path, depth + 1);
        }
        if (const auto all = rule.find("allOf"); all != rule.end()) {
            for (const auto& part : *all)
                check(part, value, path, depth + 1);
        }
        if (const auto type = rule.find("type"); type != rule.end() && type->is_string()) {
            if (!hasType(value, type->get<std::string>())) {
                add(path, "wrong-type", "expected " + article(type->get<std::string>()));
                return;
            }
        }
        if (const auto allowed = rule.find("enum"); allowed != rule.end()) {
            bool found = false;
            for (const auto& option : *allowed)
                found = found || option == value;
            if (!found) {
                std::string list;
                for (const auto& option : *allowed)
                    if (option.is_string() && list.size() < 120)
                        list += (list.empty() ? "\"" : ", \"") + option.get<std::string>() + "\"";
                add(path, "bad-value", "not one of the allowed values (" + list + ")");
            }
        }
        if (const auto format = rule.find("format"); format != rule.end() && value.is_string()) {
            if (*format == "date-time" && !isRfc3339DateTime(value.get_ref<const std::string&>()))
                add(path, "bad-time", "not an RFC 3339 date-time (YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm))");
        }
        if (value.is_object())
            checkObject(rule, value, path, depth);
        else if (value.is_array())
            checkArray(rule, value, path, depth);
    }

private:
    bool full() const { return errors.size() >= kEidoMaxErrors; }

    void add(const std::string& path, const char* code, std::string message)
    {
        if (full())
            return;
        if (!errors.empty() && errors.back().location == path && errors.back().code == code)
            return; // the same fault seen through another part of an allOf
        errors.push_back(DataError{"", path.empty() ? "(root)" : path, code, std::move(message)});
    }

    static void enter(std::string& path, const std::string& member)
    {
        if (!path.empty())
            path += '.';
        path += member;
    }

    void checkObject(const json& rule, const json& value, std::string& path, int depth)
    {
        const std::size_t length = path.size();
        if (const auto required = rule.find("required"); required != rule.end()) {
            for (const auto& name : *required) {
                if (!name.is_string() || value.contains(name.get<std::string>()))
                    continue;
                enter(path, name.get<std::string>());
                add(path, "missing-member", "missing required member");
                path.resize(length);
            }
        }
        if (const auto properties = rule.find("properties"); properties != rule.end()) {
            for (const auto& [name, memberRule] : properties->items()) {
                const auto member = value.find(name);
                if (member == value.end())
                    continue;
                enter(path, name);
                check(memberRule, *member, path, depth + 1);
                path.resize(length);
            }
        }
    }

    void checkArray(const json& rule, const json& value, std::string& path, int depth)
    {
        if (const auto minimum = rule.find("minItems");
            minimum != rule.end() && minimum->is_number_unsigned()) {
            if (value.size() < minimum->get<std::size_t>())
                add(path, "too-few-items",
                    "needs at least " + std::to_string(minimum->get<std::size_t>()) + " item(s)");
        }
        const auto items = rule.find("items");
        if (items == rule.end())
            return;
        const std::size_t length = path.size();
        for (std::size_t i = 0; i < value.size() && !full(); ++i) {
            path += '[' + std::to_string(i) + ']';
            check(*items, value[i], path, depth + 1);
            path.resize(length);
        }
    }
};

} // namespace

std::vector<DataError> checkEidoSchema(const nlohmann::json& document)
{
    Checker checker;
    std::string path;
    if (const json* root = resolve(schema().at("root").get<std::string>()))
        checker.check(*root, document, path, 0);
    return std::move(checker.errors);
}

} // namespace heart::cad
