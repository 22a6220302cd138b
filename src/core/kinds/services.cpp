// Kinds of the services area (rest stations, providers, service requests and their threads,
// insurance, health checks); each is declared in its own file under core/services/.
#include "core/kinds/registry.h"
#include "core/services/health_check.h"
#include "core/services/insurance.h"
#include "core/services/provider.h"
#include "core/services/request_message.h"
#include "core/services/service_request.h"
#include "core/services/station.h"

namespace nx::kinds {

void register_service_kinds(Registry& r) {
  r.add(services::station_kind());
  r.add(services::provider_kind());
  r.add(services::service_request_kind());
  r.add(services::request_message_kind());
  r.add(services::insurance_plan_kind());
  r.add(services::insurance_enrolment_kind());
  r.add(services::health_check_slot_kind());
  r.add(services::health_check_booking_kind());
}

}  // namespace nx::kinds
