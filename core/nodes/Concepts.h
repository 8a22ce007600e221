#pragma once

#include <string_view>
#include <vector>

namespace oficina::core {

/// One idea of the machine-learning course that nodes embody (NodeSpec::concepts names them by
/// id), explained once for teachers and beginners. Title and text are English, marked with
/// OFICINA_TR_NOOP; the ui translates them at display time.
struct Concept {
    const char* id;    ///< stable key: "supervised"
    const char* title; ///< "Supervised learning"
    const char* text;  ///< one paragraph
};

/// The course's concepts in teaching order, from data to overfitting.
const std::vector<Concept>& concepts();
/// The concept with this id, or nullptr.
const Concept* findConcept(std::string_view id);

} // namespace oficina::core
