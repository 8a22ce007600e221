#pragma once

/// Marks a user-facing English string for lupdate without translating it: core has no Qt.
/// The ui translates such strings at display time in the context "oficina".
#define OFICINA_TR_NOOP(text) text
