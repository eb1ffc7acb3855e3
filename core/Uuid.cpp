#include "core/Uuid.h"

#include <array>
#include <cstdint>
#include <mutex>
#include <random>

namespace heart {

std::string newRecordId(TimePoint now)
{
    static std::mutex mutex;
    static std::mt19937_64 random{std::random_device{}()};
    std::array<std::uint8_t, 16> bytes{};
    const auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count());
    for (int i = 0; i < 6; ++i)
        bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    {
        std::lock_guard lock(mutex);
        const std::uint64_t r1 = random();
        const std::uint64_t r2 = random();
        for (int i = 0; i < 8; ++i) {
            bytes[static_cast<std::size_t>(6 + i)] = static_cast<std::uint8_t>(r1 >> (8 * i));
        }
        bytes[14] = static_cast<std::uint8_t>(r2);
        bytes[15] = static_cast<std::uint8_t>(r2 >> 8);
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x70); // version 7
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80); // RFC variant
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.push_back('-');
        out.push_back(kDigits[bytes[i] >> 4]);
        out.push_back(kDigits[bytes[i] & 0xf]);
    }
    return out;
}

bool isRecordId(const std::string& text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

} // namespace heart
