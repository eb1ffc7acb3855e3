#pragma once
// SHA-256 (FIPS 180-4) in plain C++, so the audit hash chain can be built and
// checked in core without a crypto library.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace heart {

class Sha256
{
public:
    Sha256();
    void update(std::string_view bytes);
    std::array<std::uint8_t, 32> finish();

    static std::string hex(std::string_view bytes);

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

} // namespace heart
