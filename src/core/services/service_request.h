#pragma once
// 职工"点单"、社会组织"配单"、工会"送单": a worker's request for a service (legal advice, legal
// aid, a health check, insurance, training) and its way through the union. Record kind
// "service_request"; fields:
//   category, topic (legal_consultation / legal_aid only; required for legal_aid), description,
//   owner_id (the worker), unit_id (the union unit it is routed to), status,
//   provider_id + due_date (set by "match"), delivered_at, rating + comment (set by "confirm"),
//   confirmed_at, reopen_reason, cancel_reason, job_post_id (a job post the worker is interested in)
// The question-and-answer thread is kept in "request_message" records (request_message.h).
//
// Workflow (who: owner = the worker, staff = staff of the unit or a unit above it, admin too):
//   ordered --match{provider_id, due_date}--> matched             staff; again from matched
//                                                                 (reassign) and reopened
//   matched --deliver--> delivered                                the assigned provider, staff
//   delivered --confirm{rating 1-5, comment?}--> confirmed        owner
//   delivered | confirmed (within kReopenWindowDays) --reopen{reason}--> reopened    owner
//   ordered | matched | reopened --cancel{reason?}--> cancelled   owner, before delivery
//   ordered | matched | delivered | reopened --cancel_by_staff{reason}--> cancelled   staff
// Nobody but an admin edits a request's fields directly (edit_rights): what was asked stays as
// asked, more words go into the thread, and the step fields change only through the steps.
#include <array>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/services/kind_support.h"
#include "core/workflow.h"

namespace nx::services {

// 法律咨询 法律援助 健康体检 保险 培训 其他
inline constexpr std::array<std::string_view, 6> kRequestCategories{"legal_consultation", "legal_aid", "health_check",
                                                                    "insurance",          "training",  "other"};
// 劳动关系确认 工伤 欠薪 其他
inline constexpr std::array<std::string_view, 4> kLegalTopics{"labour_relation", "work_injury", "unpaid_wages", "other"};
inline constexpr std::array<std::string_view, 6> kRequestStates{"ordered",   "matched",  "delivered",
                                                                "confirmed", "reopened", "cancelled"};
// A confirmed request can be reopened for this long after it was confirmed.
inline constexpr int kReopenWindowDays = 7;

const Workflow& service_request_workflow();
Errors validate_service_request(const nlohmann::json& fields);

// The provider service (provider.h) a request of `category` needs.
std::string_view service_for_category(std::string_view category);

// 超期: matched, and the due date (a China date) has passed. Derived, never stored, so it
// needs no clock on the server to flip it and never conflicts in sync.
bool is_overdue(const nlohmann::json& fields, std::int64_t now_ms);

kinds::KindSpec service_request_kind();

}  // namespace nx::services
