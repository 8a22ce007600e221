#include "serve/ModelRepository.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <utility>

namespace oficina::core::serve {

bool isValidModelName(std::string_view name) {
    if (name.empty() || name.size() > 128) return false;
    const auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (!alnum(name.front())) return false;
    for (char c : name)
        if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
    return true;
}

namespace {

void requireValidName(const std::string& name) {
    if (!isValidModelName(name))
        throw Error(Message(OFICINA_TR_NOOP("\"%1\" cannot name a model: use letters, digits, "
                                            "'_', '.' and '-' (at most 128), starting with a "
                                            "letter or digit"),
                            {name}));
}

} // namespace

void ModelRepository::requireNewName(const std::string& name) const {
    requireValidName(name);
    if (knows(name))
        throw Error(Message(OFICINA_TR_NOOP("two models are named \"%1\": give each its own "
                                            "name"),
                            {name}));
}

ModelRepository::ModelRepository(Loader loader) : m_loader(std::move(loader)) {
    if (!m_loader) m_loader = [](const std::string& path) { return deploy::readPackage(path); };
}

void ModelRepository::add(const std::string& name, const std::string& path) {
    std::lock_guard loading(m_loadMutex);
    requireNewName(name);
    install(name, path, m_loader(path));
}

void ModelRepository::add(const std::string& name, deploy::ModelPackage package,
                          const std::string& path) {
    std::lock_guard loading(m_loadMutex);
    requireNewName(name);
    install(name, path, std::move(package));
}

ModelRepository::Slot* ModelRepository::slotLocked(std::string_view name) {
    for (Slot& slot : m_slots)
        if (slot.name == name) return &slot;
    return nullptr;
}

const ModelRepository::Slot* ModelRepository::slotLocked(std::string_view name) const {
    for (const Slot& slot : m_slots)
        if (slot.name == name) return &slot;
    return nullptr;
}

std::shared_ptr<const ServedModel> ModelRepository::install(const std::string& name,
                                                            const std::string& path,
                                                            deploy::ModelPackage package) {
    auto shared = std::make_shared<const deploy::ModelPackage>(std::move(package));
    std::shared_ptr<const ServedModel> previous; // released after the lock, if last
    std::lock_guard lock(m_mutex);
    Slot* slot = slotLocked(name);
    if (!slot) {
        m_slots.push_back({name, path, 0, nullptr});
        slot = &m_slots.back();
    }
    if (!path.empty()) slot->path = path;
    ++slot->lastVersion;
    auto served = std::make_shared<const ServedModel>(
        ServedModel{name, std::to_string(slot->lastVersion), slot->path, shared,
                    std::make_shared<LiveDrift>(shared, m_driftWindow)});
    // The old version is freed here, after the lock, or by the last request holding it.
    previous = std::exchange(slot->current, served);
    return served;
}

std::shared_ptr<const ServedModel> ModelRepository::find(std::string_view name) const {
    std::lock_guard lock(m_mutex);
    const Slot* slot = slotLocked(name);
    return slot ? slot->current : nullptr;
}

bool ModelRepository::knows(std::string_view name) const {
    std::lock_guard lock(m_mutex);
    return slotLocked(name) != nullptr;
}

std::shared_ptr<const ServedModel> ModelRepository::first() const {
    std::lock_guard lock(m_mutex);
    return m_slots.empty() ? nullptr : m_slots.front().current;
}

std::vector<RepositoryEntry> ModelRepository::index() const {
    std::lock_guard lock(m_mutex);
    std::vector<RepositoryEntry> entries;
    for (const Slot& slot : m_slots)
        entries.push_back({slot.name, std::to_string(slot.lastVersion), slot.current != nullptr,
                           slot.current ? std::string() : std::string("unloaded")});
    return entries;
}

bool ModelRepository::allReady() const {
    std::lock_guard lock(m_mutex);
    if (m_slots.empty()) return false;
    for (const Slot& slot : m_slots)
        if (!slot.current) return false;
    return true;
}

std::shared_ptr<const ServedModel> ModelRepository::load(const std::string& name,
                                                         const std::string& path) {
    std::lock_guard loading(m_loadMutex);
    std::string from = path;
    {
        std::lock_guard lock(m_mutex);
        const Slot* slot = slotLocked(name);
        if (!slot && path.empty())
            throw Error(Message(OFICINA_TR_NOOP("unknown model: give the package's path to "
                                                "load a new one")),
                        name);
        if (slot && from.empty()) from = slot->path;
    }
    requireValidName(name);
    if (from.empty())
        throw Error(Message(OFICINA_TR_NOOP("the model was given in memory, not read from a "
                                            "file: give the package's path to reload it")),
                    name);
    // Read outside m_mutex: requests keep being answered by the current version meanwhile.
    return install(name, from, m_loader(from));
}

bool ModelRepository::unload(const std::string& name) {
    std::shared_ptr<const ServedModel> released;
    std::lock_guard lock(m_mutex);
    Slot* slot = slotLocked(name);
    if (!slot) return false;
    released = std::move(slot->current);
    slot->current = nullptr;
    return true;
}

} // namespace oficina::core::serve
