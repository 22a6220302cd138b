#pragma once
// Member cards at the door: the server's public key kept on the device (refreshed whenever the
// app opens signed in as staff with signal), the Ed25519 signature checked with WebCrypto, and
// the camera reading the QR code where the browser has a BarcodeDetector.
#include <functional>
#include <string>

#include "app/card_check.h"

namespace nx::platform {

// Fetches the key and keeps it for offline checks; quietly does nothing without signal.
void remember_card_key();

// Checks `signature` (raw bytes) over `signed_text` with the kept key (fetched first if none is
// kept and there is signal).
void check_card_signature(const std::string& signed_text, const std::string& signature,
                          std::function<void(app::Signature)> done);

bool camera_can_scan();
// Opens the camera over the page until a QR code is read (its text) or the person closes it
// with the button labelled `close_label` ("").
void scan_qr(const std::string& close_label, std::function<void(std::string)> done);

}  // namespace nx::platform
