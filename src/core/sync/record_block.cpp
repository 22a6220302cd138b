#include "core/sync/record_block.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace nx::sync {

using nlohmann::json;

namespace {

constexpr std::string_view kMagic{"NXB\x01", 4};  // the form's name and version
constexpr int kMaxDepth = 64;                     // arrays and objects within a field

enum Tag : std::uint8_t { Null, False, True, Int, Uint, Double, String, Array, Object };

std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

class Writer {
 public:
  std::string finish(std::size_t records) {
    std::string out(kMagic);
    put_varint(out, index_.size());
    out += table_;
    put_varint(out, records);
    out += body_;
    return out;
  }

  void record(const Record& r) {
    string(r.kind);
    string(r.id);
    varint(zigzag(r.seq));
    body_.push_back(r.deleted ? 1 : 0);
    if (r.deleted) stamp(r.deleted_at);
    // Each distinct stamp once, then every stamped field by the number of its stamp.
    std::vector<const Hlc*> distinct;
    std::vector<std::uint32_t> which;
    which.reserve(r.stamps.size());
    for (const auto& [field, s] : r.stamps) {
      std::size_t i = distinct.size();
      while (i > 0 && !(*distinct[i - 1] == s)) --i;
      if (i == 0) {
        distinct.push_back(&s);
        i = distinct.size();
      }
      which.push_back(static_cast<std::uint32_t>(i - 1));
    }
    varint(distinct.size());
    for (const Hlc* s : distinct) stamp(*s);
    varint(r.stamps.size());
    std::size_t n = 0;
    for (const auto& [field, s] : r.stamps) {
      string(field);
      varint(which[n++]);
    }
    value(r.fields);
  }

 private:
  void varint(std::uint64_t v) { put_varint(body_, v); }
  void string(std::string_view s) {
    auto [it, added] = index_.try_emplace(s, static_cast<std::uint32_t>(index_.size()));
    if (added) {
      put_varint(table_, s.size());
      table_.append(s);
    }
    varint(it->second);
  }
  void stamp(const Hlc& s) {
    varint(zigzag(s.wall_ms));
    varint(s.counter);
    string(s.device);
  }
  void value(const json& v) {
    switch (v.type()) {
      case json::value_t::boolean: body_.push_back(v.get<bool>() ? True : False); return;
      case json::value_t::number_integer: body_.push_back(Int), varint(zigzag(v.get<std::int64_t>())); return;
      case json::value_t::number_unsigned: body_.push_back(Uint), varint(v.get<std::uint64_t>()); return;
      case json::value_t::number_float: {
        const double d = v.get<double>();
        char bytes[sizeof d];
        std::memcpy(bytes, &d, sizeof d);
        body_.push_back(Double);
        body_.append(bytes, sizeof d);
        return;
      }
      case json::value_t::string: body_.push_back(String), string(v.get_ref<const std::string&>()); return;
      case json::value_t::array:
        body_.push_back(Array), varint(v.size());
        for (const json& e : v) value(e);
        return;
      case json::value_t::object:
        body_.push_back(Object), varint(v.size());
        for (const auto& [key, e] : v.items()) {
          string(key);
          value(e);
        }
        return;
      default: body_.push_back(Null); return;  // null; JSON has nothing else a record could hold
    }
  }

  std::unordered_map<std::string_view, std::uint32_t> index_;
  std::string table_;
  std::string body_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes)
      : at_(reinterpret_cast<const unsigned char*>(bytes.data())), end_(at_ + bytes.size()) {}

  bool bad() const { return bad_; }
  bool at_end() const { return at_ == end_; }

  bool magic() {
    if (static_cast<std::size_t>(end_ - at_) < kMagic.size() || std::memcmp(at_, kMagic.data(), kMagic.size()) != 0)
      return bad_ = true, false;
    at_ += kMagic.size();
    return true;
  }
  bool table() {
    const std::uint64_t n = count();
    for (std::uint64_t i = 0; i < n && !bad_; ++i) {
      const std::uint64_t size = varint();
      if (bad_ || size > static_cast<std::uint64_t>(end_ - at_)) return bad_ = true, false;
      table_.emplace_back(reinterpret_cast<const char*>(at_), size);
      at_ += size;
    }
    return !bad_;
  }
  // A count of things that follow, each at least a byte: larger than what is left is corrupt.
  std::uint64_t count() {
    const std::uint64_t n = varint();
    if (n > static_cast<std::uint64_t>(end_ - at_)) bad_ = true;
    return bad_ ? 0 : n;
  }

  void record(Record& r) {
    r.kind = string();
    r.id = string();
    r.seq = unzigzag(varint());
    const std::uint8_t flags = byte();
    r.deleted = (flags & 1) != 0;
    if (r.deleted) r.deleted_at = stamp();
    std::vector<Hlc> distinct(count());
    for (Hlc& s : distinct) s = stamp();
    const std::uint64_t stamped = count();
    r.stamps.reserve(stamped);
    for (std::uint64_t i = 0; i < stamped && !bad_; ++i) {
      const std::string_view field = string_view();
      const std::uint64_t which = varint();
      if (which >= distinct.size()) return void(bad_ = true);
      r.stamps.set(field, distinct[which]);
    }
    r.fields = value(0);
    if (!r.fields.is_object()) bad_ = true;
  }

 private:
  std::uint8_t byte() {
    if (at_ == end_) return bad_ = true, 0;
    return *at_++;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t b = byte();
      if (bad_) return 0;
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    bad_ = true;
    return 0;
  }
  std::string_view string_view() {
    const std::uint64_t i = varint();
    if (bad_ || i >= table_.size()) return bad_ = true, std::string_view();
    return table_[i];
  }
  std::string string() { return std::string(string_view()); }
  Hlc stamp() {
    Hlc s;
    s.wall_ms = unzigzag(varint());
    const std::uint64_t counter = varint();
    if (counter > UINT32_MAX) bad_ = true;
    s.counter = static_cast<std::uint32_t>(counter);
    s.device = string();
    return s;
  }
  json value(int depth) {
    if (depth > kMaxDepth) return bad_ = true, json();
    switch (byte()) {
      case Null: return nullptr;
      case False: return false;
      case True: return true;
      case Int: return unzigzag(varint());
      case Uint: return varint();
      case Double: {
        double d = 0;
        if (static_cast<std::size_t>(end_ - at_) < sizeof d) return bad_ = true, json();
        std::memcpy(&d, at_, sizeof d);
        at_ += sizeof d;
        if (!std::isfinite(d)) return bad_ = true, json();  // JSON has no such number
        return d;
      }
      case String: return string();
      case Array: {
        json a = json::array();
        const std::uint64_t n = count();
        for (std::uint64_t i = 0; i < n && !bad_; ++i) a.push_back(value(depth + 1));
        return a;
      }
      case Object: {
        json o = json::object();
        auto& members = o.get_ref<json::object_t&>();
        const std::uint64_t n = count();
        for (std::uint64_t i = 0; i < n && !bad_; ++i) {
          std::string key = string();
          members.emplace_hint(members.end(), std::move(key), value(depth + 1));  // written in key order
        }
        return o;
      }
      default: return bad_ = true, json();
    }
  }

  const unsigned char* at_;
  const unsigned char* end_;
  bool bad_ = false;
  std::vector<std::string_view> table_;
};

}  // namespace

std::string encode_block(const std::vector<Record>& records) {
  Writer w;
  for (const Record& r : records) w.record(r);
  return w.finish(records.size());
}

bool is_block(std::string_view bytes) { return bytes.substr(0, kMagic.size()) == kMagic; }

Status decode_block(std::string_view bytes, std::vector<Record>& out) {
  const std::size_t before = out.size();
  Reader in(bytes);
  if (in.magic() && in.table()) {
    const std::uint64_t n = in.count();
    // Room for the block, growing as push_back would: a store opens by appending a few hundred
    // blocks to one vector, and growing it to the exact size each time moved every record read
    // so far for each block (and in a wasm heap left the old buffers as gaps: 2 GB at 220,000).
    if (out.capacity() < before + n) out.reserve(std::max<std::size_t>(before + n, 2 * out.capacity()));
    for (std::uint64_t i = 0; i < n && !in.bad(); ++i) in.record(out.emplace_back());
  }
  if (in.bad() || !in.at_end()) {
    out.resize(before);
    return catalog_error("record_invalid", "record", Msg::ErrCorruptRecord, {"block"});
  }
  return ok_status();
}

}  // namespace nx::sync
