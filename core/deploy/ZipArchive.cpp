#include "deploy/ZipArchive.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <zip.h>

#include <memory>

namespace oficina::core::deploy {

namespace {

[[noreturn]] void zipFailure(const char* what, zip_error_t* error, const std::string& where) {
    const std::string detail = zip_error_strerror(error);
    zip_error_fini(error);
    throw Error(Message(what, {detail}), where);
}

struct SourceCloser {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};

} // namespace

std::string zipEntries(const std::vector<std::pair<std::string, std::string_view>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, SourceCloser> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) zipFailure(OFICINA_TR_NOOP("cannot create the package: %1"), &error, {});
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) zipFailure(OFICINA_TR_NOOP("cannot create the package: %1"), &error, {});
    zip_source_keep(buffer.get()); // zip_close() writes into it; we read it afterwards
    for (const auto& [name, data] : entries) {
        zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
        if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
            if (source) zip_source_free(source);
            zip_error_t* failure = zip_get_error(archive);
            const std::string detail = zip_error_strerror(failure);
            zip_discard(archive);
            throw Error(Message(OFICINA_TR_NOOP("cannot add %1 to the package: %2"),
                                {name, detail}));
        }
    }
    if (zip_close(archive) < 0) {
        const std::string detail = zip_error_strerror(zip_get_error(archive));
        zip_discard(archive);
        throw Error(Message(OFICINA_TR_NOOP("cannot create the package: %1"), {detail}));
    }

    std::string bytes;
    if (zip_source_open(buffer.get()) < 0)
        throw Error(Message(OFICINA_TR_NOOP("cannot create the package: %1"),
                            {zip_error_strerror(zip_source_error(buffer.get()))}));
    zip_source_seek(buffer.get(), 0, SEEK_END);
    bytes.resize(size_t(zip_source_tell(buffer.get())));
    zip_source_seek(buffer.get(), 0, SEEK_SET);
    const zip_int64_t got = zip_source_read(buffer.get(), bytes.data(), bytes.size());
    zip_source_close(buffer.get());
    if (got != zip_int64_t(bytes.size()))
        throw Error(Message(OFICINA_TR_NOOP("cannot create the package: %1"),
                            {zip_error_strerror(zip_source_error(buffer.get()))}));
    return bytes;
}

struct ZipReader::Handle {
    zip_t* archive = nullptr;
};

ZipReader::ZipReader(std::string_view bytes, std::string where)
    : m_handle(new Handle), m_where(std::move(where)) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source)
        m_handle->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!m_handle->archive) {
        if (source) zip_source_free(source);
        delete m_handle;
        const bool notZip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
        const std::string detail = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw Error(notZip ? Message(OFICINA_TR_NOOP("not a model package: the file is not a zip "
                                                     "archive, or it was cut short"))
                           : Message(OFICINA_TR_NOOP("the model package is damaged: %1"), {detail}),
                    m_where);
    }
}

ZipReader::~ZipReader() {
    zip_discard(m_handle->archive);
    delete m_handle;
}

bool ZipReader::contains(const std::string& name) const {
    return zip_name_locate(m_handle->archive, name.c_str(), 0) >= 0;
}

std::string ZipReader::read(const std::string& name, uint64_t limit) const {
    const zip_int64_t index = zip_name_locate(m_handle->archive, name.c_str(), 0);
    if (index < 0)
        throw Error(Message(OFICINA_TR_NOOP("the model package has no %1: it is incomplete"),
                            {name}),
                    m_where);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(m_handle->archive, zip_uint64_t(index), 0, &stat) < 0 ||
        !(stat.valid & ZIP_STAT_SIZE))
        throw Error(Message(OFICINA_TR_NOOP("the model package is damaged: %1 cannot be read"),
                            {name}),
                    m_where);
    if (stat.size > limit)
        throw Error(Message(OFICINA_TR_NOOP("%1 in the model package is %2 bytes, more than the "
                                            "%3 it may have"),
                            {name, std::to_string(stat.size), std::to_string(limit)}),
                    m_where);
    zip_file_t* file = zip_fopen_index(m_handle->archive, zip_uint64_t(index), 0);
    if (!file)
        throw Error(Message(OFICINA_TR_NOOP("the model package is damaged: %1 cannot be read "
                                            "(%2)"),
                            {name, zip_strerror(m_handle->archive)}),
                    m_where);
    std::string bytes(size_t(stat.size), '\0');
    const zip_int64_t got = zip_fread(file, bytes.data(), bytes.size());
    // A short read or a CRC mismatch shows on the next read or at the end.
    char extra = 0;
    const zip_int64_t more = got == zip_int64_t(bytes.size()) ? zip_fread(file, &extra, 1) : -1;
    const std::string detail = zip_file_strerror(file);
    zip_fclose(file);
    if (got != zip_int64_t(bytes.size()) || more != 0)
        throw Error(Message(OFICINA_TR_NOOP("the model package is damaged: %1 does not read back "
                                            "as written (%2)"),
                            {name, detail}),
                    m_where);
    return bytes;
}

} // namespace oficina::core::deploy
