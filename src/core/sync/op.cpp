#include "core/sync/op.h"

#include "core/json_in.h"
#include "core/validate.h"

namespace nx::sync {

using nlohmann::json;

bool is_field_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxFieldNameLength) return false;
  if (!(name[0] >= 'a' && name[0] <= 'z')) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

json Op::to_json() const {
  json j = {{"op_id", op_id}, {"kind", kind}, {"id", id}, {"hlc", hlc.to_string()}};
  if (del) j["delete"] = true;
  if (!transition.empty()) j["transition"] = transition;
  if (!set.empty() || (transition.empty() && !del)) j["set"] = set;
  return j;
}

namespace {
// At most `bytes` bytes of `s`, never ending inside a UTF-8 character (an error message must
// stay valid text).
std::string head_of(const std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
  return s.substr(0, bytes);
}
}  // namespace

Result<Op> decode_op(const json& j) {
  json_in::Reader r(j, "op");
  if (!r.ok()) return r.errors().front();
  Op op;
  op.op_id = r.required_uuid("op_id");
  op.id = r.required_uuid("id");
  if (auto v = r.str("kind", 40)) {
    if (!is_field_name(*v)) r.add(catalog_error("kind_invalid", "kind", Msg::ErrNotAValidRecordKind));
    op.kind = *v;
  } else {
    r.require("kind");
  }
  if (auto v = r.str("hlc", 100)) {
    if (auto h = Hlc::parse(*v)) op.hlc = *h;
    else r.add(catalog_error("hlc_invalid", "hlc", Msg::ErrNotAValidHLCStamp));
  } else {
    r.require("hlc");
  }
  if (auto v = r.str("transition", 40)) {
    if (!is_field_name(*v)) r.add(catalog_error("transition_invalid", "transition", Msg::ErrNotAValidTransitionName));
    op.transition = *v;
  }
  if (auto v = r.boolean("delete")) op.del = *v;
  if (j.is_object() && j.contains("set") && !j["set"].is_null()) {
    const json& set = j["set"];
    if (!set.is_object()) {
      r.add(catalog_error("type_invalid", "set", Msg::ErrExpectedAnObjectOfFields));
    } else if (set.size() > kMaxFieldsPerOp) {
      r.add(catalog_error("too_many_fields", "set", Msg::ErrTooManyFieldsInOneOp));
    } else {
      for (const auto& [name, value] : set.items()) {
        if (!is_field_name(name)) {
          r.add(catalog_error("field_invalid", "set." + head_of(name, kMaxFieldNameLength), Msg::ErrNotAValidFieldName));
        } else if (json_in::depth(value) > 4) {
          r.add(catalog_error("too_deep", "set." + name, Msg::ErrTheValueIsNestedTooDeeply));
        }
      }
      op.set = set;
    }
  }
  const int forms = (op.del ? 1 : 0) + (!op.transition.empty() ? 1 : 0) + (op.transition.empty() && !op.del && j.is_object() && j.contains("set") ? 1 : 0);
  if (r.ok() && forms != 1)
    r.add(catalog_error("op_form_invalid", "op", Msg::ErrAnOpIsExactlyOneOf));
  if (r.ok() && op.del && !op.set.empty())
    r.add(catalog_error("op_form_invalid", "set", Msg::ErrADeleteCarriesNoFields));
  if (r.ok() && op.transition.empty() && !op.del && op.set.empty())
    r.add(catalog_error("op_form_invalid", "set", Msg::ErrTheOpSetsNoFields));
  if (!r.ok()) return r.errors().front();
  return op;
}

}  // namespace nx::sync
