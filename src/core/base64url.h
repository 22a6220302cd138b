#pragma once
// Base64url without padding (RFC 4648 §5): signatures and keys inside QR codes and URLs.
#include <optional>
#include <string>
#include <string_view>

namespace nx {

std::string base64url_encode(std::string_view bytes);
// nullopt for anything that is not canonical unpadded base64url.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace nx
