#pragma once

namespace oficina::ui {

/// QUndoCommand::id() of the commands that merge with their predecessor (Tiled's habit: the
/// merge ids in one enum). Commands that never merge return -1.
enum class CommandId { SetParameter = 1, EditComment };

} // namespace oficina::ui
