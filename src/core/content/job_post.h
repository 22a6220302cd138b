#pragma once
// 招聘求职: job posts the union's staff keep (kind "job_post"), readable offline; a worker who is
// interested files a job-help request (a service_request, category "other") that names the
// post. Fields:
//   title, trade (a core trade name), employer, place (where the work is, in words), pay_min,
//   pay_max (yuan a month), contact (who to call: name and a public phone), description,
//   unit_id, published_on (YYYY-MM-DD), open (false once filled)
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/kinds/kind_support.h"
#include "core/kinds/registry.h"

namespace nx::content {

using kinds::Decoded;

inline constexpr const char* kJobPostKind = "job_post";

struct JobPost {
  std::string title, trade, employer, place, contact, description, unit_id, published_on;
  std::int64_t pay_min = 0, pay_max = 0;
  bool open = true;
};

Decoded<JobPost> decode_job_post(const nlohmann::json& fields);
kinds::KindSpec job_post_kind();

}  // namespace nx::content
