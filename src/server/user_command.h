#pragma once
// `nuanxin-server user add ...`: the admin tool that creates staff and admin accounts (workers
// register themselves from the app).
#include <iosfwd>

#include "server/config.h"

namespace nx::server {

// Prints what happened; returns the process exit code.
int run_user_add(const UserAddCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace nx::server
