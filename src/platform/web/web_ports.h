#pragma once
// The runtime's ports (app/ports.h) in the browser: fetch, IndexedDB, the browser's timers,
// and the device's facts. Translations only: every decision is the runtime's (app/phone_runtime.h).
#include "app/ports.h"

namespace nx::platform {

class WebHttp final : public app::HttpClient {
 public:
  void request(const std::string& method, const std::string& path, const std::string& body, const std::string& token,
               std::function<void(app::HttpResponse)> done) override;
};

class WebStorage final : public app::Storage {
 public:
  void open_person(const std::string& user_id, std::function<void(int done)> progress,
                   std::function<void(bool ok, app::StoredPerson stored, const std::string& error)> done,
                   std::function<void(bool ok, std::vector<sync::Record> later)> later) override;
  void write(const std::string& user_id, const nlohmann::json& store_write, const std::string& block,
             std::function<void(bool ok)> done) override;
  void forget_person(const std::string& user_id) override;
  void kv_get(const std::string& key, std::function<void(nlohmann::json value)> done) override;
  void kv_put(const std::string& key, const nlohmann::json& value, std::function<void(bool ok)> done) override;
};

class WebTimers final : public app::Timers {
 public:
  std::int64_t now_ms() const override;
  std::uint64_t set_timeout(std::int64_t ms, std::function<void()> fn) override;
  void clear_timeout(std::uint64_t id) override;
};

class WebDeviceFacts final : public app::DeviceFacts {
 public:
  double random01() override;
  void changed() override;
  double frame_cost_ms() const override;
  void saved() override;
  void download(const std::string& name, const std::string& type, const std::string& data) override;
  void storage_estimate(std::function<void(bool persisted, std::int64_t used)> done) override;
  void refresh_card_key() override;
  void apply_update() override;
};

}  // namespace nx::platform
