#pragma once
// The device beside the data: the Geolocation API, handing links to the phone (tel:, the map
// app) and the clock.
#include "app/app_state.h"
#include "app/device.h"

namespace nx::platform {

class WebDevice final : public app::DeviceServices {
 public:
  explicit WebDevice(app::AppState& state) : state_(state) {}
  void locate() override;
  void open_url(const std::string& url) override;
  std::int64_t now_ms() const override;
  bool welcome_seen() const override;
  void remember_welcome_seen() override;
  app::TextSize text_size() const override;
  void remember_text_size(app::TextSize size) override;
  void download(const std::string& name, const std::string& type, const std::string& data) override;
  void check_card(const std::string& text) override;
  bool can_scan() const override;
  void scan_card(const std::string& close_label) override;

  void on_located(bool ok, double lat, double lng);

 private:
  app::AppState& state_;
};

// Hands the person a file made in the page (an export, a CSV).
void download_file(const std::string& name, const std::string& type, const std::string& data);

}  // namespace nx::platform
