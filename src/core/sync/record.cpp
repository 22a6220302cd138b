#include "core/sync/record.h"

#include "core/errors.h"

namespace nx::sync {

using nlohmann::json;

std::string Record::str(const std::string& field) const { return str_ref(field); }

const std::string& Record::str_ref(const std::string& field) const {
  static const std::string kNone;
  auto it = fields.find(field);
  return it != fields.end() && it->is_string() ? it->get_ref<const std::string&>() : kNone;
}

std::int64_t Record::integer(const std::string& field, std::int64_t fallback) const {
  auto it = fields.find(field);
  return it != fields.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

json Record::to_json() const {
  json s = json::object();
  for (const auto& [field, stamp] : stamps) s[field] = stamp.to_string();
  json j = {{"kind", kind}, {"id", id}, {"fields", fields}, {"stamps", s}, {"deleted", deleted}, {"seq", seq}};
  if (deleted) j["deleted_at"] = deleted_at.to_string();
  return j;
}

Result<Record> Record::from_json(const json& j) {
  auto bad = [](const char* what) {
    return catalog_error("record_invalid", "record", Msg::ErrCorruptRecord, {what});
  };
  if (!j.is_object()) return bad("not an object");
  Record r;
  auto kind = j.find("kind");
  auto id = j.find("id");
  auto fields = j.find("fields");
  if (kind == j.end() || !kind->is_string() || id == j.end() || !id->is_string()) return bad("kind/id");
  if (fields == j.end() || !fields->is_object()) return bad("fields");
  r.kind = kind->get<std::string>();
  r.id = id->get<std::string>();
  r.fields = *fields;
  if (auto s = j.find("stamps"); s != j.end()) {
    if (!s->is_object()) return bad("stamps");
    r.stamps.reserve(s->size());
    const std::string* last_text = nullptr;  // the fields of one op share a stamp: parsed once
    Hlc last;
    for (const auto& [field, value] : s->items()) {
      if (!value.is_string()) return bad("stamp");
      const std::string& text = value.get_ref<const std::string&>();
      if (!last_text || text != *last_text) {
        auto h = Hlc::parse(text);
        if (!h) return bad("stamp");
        last = std::move(*h);
        last_text = &text;
      }
      r.stamps.set(field, last);
    }
  }
  if (auto d = j.find("deleted"); d != j.end() && d->is_boolean()) r.deleted = d->get<bool>();
  if (r.deleted) {
    auto at = j.find("deleted_at");
    auto h = at != j.end() && at->is_string() ? Hlc::parse(at->get<std::string>()) : std::nullopt;
    if (!h) return bad("deleted_at");
    r.deleted_at = *h;
  }
  if (auto s = j.find("seq"); s != j.end() && s->is_number_integer()) r.seq = s->get<std::int64_t>();
  return r;
}

}  // namespace nx::sync
