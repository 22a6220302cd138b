#pragma once
// What the screens can ask of the device itself, apart from data: where the phone is, the
// clock, handing a link to the phone (dial a number, open the map app) and a file to the person. Carried out by
// src/platform; answers arrive later and show up in AppState.
#include <cstdint>
#include <string>

#include "app/app_state.h"

namespace nx::app {

class DeviceServices {
 public:
  virtual ~DeviceServices() = default;
  // Asks the browser for the phone's position (it may ask the person first); the answer
  // lands in AppState::stations.here or stations.locate_error.
  virtual void locate() = 0;
  // Opens a tel: or https: link the way a tap on a link would.
  virtual void open_url(const std::string& url) = 0;
  virtual std::int64_t now_ms() const = 0;
  // Whether this browser has shown the first-open welcome, and remembering that it has.
  virtual bool welcome_seen() const = 0;
  virtual void remember_welcome_seen() = 0;
  // The text size chosen on this device, and keeping the choice.
  virtual TextSize text_size() const = 0;
  virtual void remember_text_size(TextSize size) = 0;
  // Checks a member card's text against the server's key kept on the device; the verdict
  // lands in AppState::check.
  virtual void check_card(const std::string& text) = 0;
  // Whether the camera can read a QR code here, and opening it: the text read lands in
  // AppState::check.number. `close_label` names the button that gives up.
  virtual bool can_scan() const = 0;
  virtual void scan_card(const std::string& close_label) = 0;
  // Hands the person a file made on the device (a CSV of a dashboard table).
  virtual void download(const std::string& name, const std::string& type, const std::string& data) = 0;
};

// The device's clock, or 0 where there is no device (tests of the pure parts).
inline std::int64_t now_ms(const AppState& state) { return state.device ? state.device->now_ms() : 0; }

}  // namespace nx::app
