#pragma once
// Versions the app and the server report, so a phone and a server can tell what they talk to.
#include <string_view>

namespace nx {

// The release, from the project version in CMakeLists.txt.
std::string_view app_version();

// The wire format of /api/v1 and of the phone's local store; both migrate forward.
inline constexpr int kSchemaVersion = 1;

}  // namespace nx
