#include "app/provider_editor.h"

#include "core/services/provider.h"
#include "core/text.h"

namespace nx::app {

ProviderEdit new_provider() {
  ProviderEdit form;
  return form;
}

ProviderEdit edit_provider(const sync::Record& p) {
  ProviderEdit form = new_provider();
  form.id = p.id;
  form.name = p.str("name");
  form.type = p.str("type");
  form.office_hours = p.str("office_hours");
  form.phone = p.str("phone");
  form.notes = p.str("notes");
  form.active = !(p.fields.contains("active") && p.fields["active"].is_boolean() && !p.fields["active"].get<bool>());
  if (p.fields.contains("services") && p.fields["services"].is_array())
    for (const auto& s : p.fields["services"])
      if (s.is_string()) form.services.push_back(s.get<std::string>());
  return form;
}

ProviderPlan plan_provider(const ProviderEdit& form, const sync::Record* existing, const std::string& unit_id,
                           const std::function<std::string()>& new_id) {
  ProviderPlan plan;
  nlohmann::json fields = {{"name", text::trim(form.name)}, {"type", form.type}, {"services", form.services},
                           {"office_hours", text::trim(form.office_hours)}, {"phone", text::trim(form.phone)},
                           {"notes", text::trim(form.notes)}, {"active", form.active}};
  nlohmann::json set = nlohmann::json::object();
  if (existing) {
    const ProviderEdit before = edit_provider(*existing);
    const nlohmann::json was = {{"name", before.name}, {"type", before.type}, {"services", before.services},
                                {"office_hours", before.office_hours}, {"phone", before.phone},
                                {"notes", before.notes}, {"active", before.active}};
    for (const auto& [k, v] : fields.items())
      if (was[k] != v) set[k] = v;
  } else {
    set = fields;
    set["unit_id"] = unit_id;
  }
  nlohmann::json after = existing ? existing->fields : nlohmann::json::object();
  for (const auto& [k, v] : set.items()) after[k] = v;
  for (const Error& e : services::validate_provider(after))
    if (!plan.errors.count(e.field)) plan.errors[e.field.empty() ? "form" : e.field] = e;
  if (!plan.errors.empty() || set.empty()) return plan;
  plan.changes.push_back({"provider", existing ? existing->id : new_id(), std::move(set), "", false});
  return plan;
}

}  // namespace nx::app
