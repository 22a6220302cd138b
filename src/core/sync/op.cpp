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
    if (!is_field_name(*v)) r.add(make_error("kind_invalid", "kind", "记录类型不正确", "Not a valid record kind"));
    op.kind = *v;
  } else {
    r.require("kind");
  }
  if (auto v = r.str("hlc", 100)) {
    if (auto h = Hlc::parse(*v)) op.hlc = *h;
    else r.add(make_error("hlc_invalid", "hlc", "时间戳格式不正确", "Not a valid HLC stamp"));
  } else {
    r.require("hlc");
  }
  if (auto v = r.str("transition", 40)) {
    if (!is_field_name(*v)) r.add(make_error("transition_invalid", "transition", "操作名称不正确", "Not a valid transition name"));
    op.transition = *v;
  }
  if (auto v = r.boolean("delete")) op.del = *v;
  if (j.is_object() && j.contains("set") && !j["set"].is_null()) {
    const json& set = j["set"];
    if (!set.is_object()) {
      r.add(make_error("type_invalid", "set", "应为一个对象", "Expected an object of fields"));
    } else if (set.size() > kMaxFieldsPerOp) {
      r.add(make_error("too_many_fields", "set", "一次修改的字段太多", "Too many fields in one op"));
    } else {
      for (const auto& [name, value] : set.items()) {
        if (!is_field_name(name)) {
          r.add(make_error("field_invalid", "set." + head_of(name, kMaxFieldNameLength), "字段名不正确", "Not a valid field name"));
        } else if (json_in::depth(value) > 4) {
          r.add(make_error("too_deep", "set." + name, "内容嵌套太深", "The value is nested too deeply"));
        }
      }
      op.set = set;
    }
  }
  const int forms = (op.del ? 1 : 0) + (!op.transition.empty() ? 1 : 0) + (op.transition.empty() && !op.del && j.is_object() && j.contains("set") ? 1 : 0);
  if (r.ok() && forms != 1)
    r.add(make_error("op_form_invalid", "op", "操作应为修改、流程步骤或删除之一",
                     "An op is exactly one of: set, transition (optionally with set), delete"));
  if (r.ok() && op.del && !op.set.empty())
    r.add(make_error("op_form_invalid", "set", "删除操作不能同时修改字段", "A delete carries no fields"));
  if (r.ok() && op.transition.empty() && !op.del && op.set.empty())
    r.add(make_error("op_form_invalid", "set", "没有要修改的字段", "The op sets no fields"));
  if (!r.ok()) return r.errors().front();
  return op;
}

}  // namespace nx::sync
