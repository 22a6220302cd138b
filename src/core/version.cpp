#include "core/version.h"

namespace nx {

std::string_view app_version() { return NUANXIN_VERSION; }

}  // namespace nx
