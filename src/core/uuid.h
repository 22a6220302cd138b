#pragma once
// A random (version 4) UUID from 16 random bytes, spelled the one way ids are spelled here:
// lowercase, 8-4-4-4-12. The caller brings the randomness (libsodium on the server, the
// browser's crypto on the phone), so this stays pure.
#include <array>
#include <cstdint>
#include <string>

namespace nx {

std::string uuid_v4(std::array<std::uint8_t, 16> random);

}  // namespace nx
