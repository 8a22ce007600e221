#include "data/ArffReader.h"

#include "data/TextInput.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <limits>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace oficina::core {

namespace {

enum class Kind { Numeric, Nominal, String, Date };

struct Attribute {
    std::string name;
    Kind kind = Kind::Numeric;
    // Nominal: the declared values; string/date: the values in order of first appearance.
    // Either way codes index this list until buildTable() sorts it.
    std::vector<std::string> labels;
    std::unordered_map<std::string, int32_t> codeOf;
    std::vector<double> numbers;
    std::vector<int32_t> codes;

    int32_t intern(const std::string& label) {
        const auto [it, added] = codeOf.try_emplace(label, int32_t(labels.size()));
        if (added) labels.push_back(label);
        return it->second;
    }
};

// One value of a data row as written.
struct Field {
    std::string text;
    bool quoted = false;
    size_t column = 0;
};

// Unquoted tokens in the header end at these (Weka's tokenizer: ',' is a separator, braces
// are single tokens, % starts a comment).
constexpr std::string_view kHeaderStops = "{},%'\"";

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool parseNumber(std::string_view text, double& out) {
    const char* first = text.data();
    const char* last = first + text.size();
    if (first != last && *first == '+') {
        ++first; // Java's Double.valueOf, which Weka uses, accepts a leading '+'
        if (first != last && *first == '-') return false;
    }
    if (first == last) return false;
    const auto result = fast_float::from_chars(first, last, out);
    return result.ec == std::errc() && result.ptr == last;
}

// Weka's optional instance weight after a row: "{0.5}".
bool isWeight(const Field& field) {
    const std::string& t = field.text;
    double weight = 0;
    return !field.quoted && t.size() > 2 && t.front() == '{' && t.back() == '}' &&
           parseNumber(std::string_view(t).substr(1, t.size() - 2), weight);
}

std::string listOfValues(const std::vector<std::string>& values) {
    constexpr size_t kShown = 10;
    std::string out;
    for (size_t i = 0; i < values.size() && i < kShown; ++i) {
        if (i > 0) out += ", ";
        out += printableText(values[i]);
    }
    if (values.size() > kShown) out += ", …";
    return out;
}

class ArffParser {
public:
    ArffParser(std::string path, std::string text, std::stop_token stop)
        : m_path(std::move(path)), m_text(std::move(text)), m_stop(std::move(stop)) {
        if (m_text.starts_with("\xEF\xBB\xBF")) m_next = 3; // UTF-8 byte order mark
    }

    ArffResult parse() {
        parseHeader();
        parseData();
        m_result.table = buildTable();
        return std::move(m_result);
    }

private:
    // --- lines and the cursor within the current line

    bool nextLine() {
        if (m_next >= m_text.size()) return false;
        // A NUL byte ends the search too: a file cut short by a crash ends in zeros.
        size_t end = m_text.find_first_of(std::string_view("\r\n\0", 3), m_next);
        if (end != std::string::npos && m_text[end] == '\0')
            throwNulBytes(fileLocation(m_path, m_lineNumber + 1, end - m_next + 1),
                          m_lineNumber + 1);
        const size_t stop = end == std::string::npos ? m_text.size() : end;
        m_line = std::string_view(m_text).substr(m_next, stop - m_next);
        m_next = stop + 1;
        if (end != std::string::npos && m_text[end] == '\r' && m_next < m_text.size() &&
            m_text[m_next] == '\n')
            ++m_next;
        ++m_lineNumber;
        m_pos = 0;
        return true;
    }

    void skipSpace() {
        while (m_pos < m_line.size() && isSpace(m_line[m_pos]))
            ++m_pos;
    }
    /// Skips spaces; true at the end of the line or at a comment.
    bool atLineEnd() {
        skipSpace();
        return m_pos >= m_line.size() || m_line[m_pos] == '%';
    }
    [[nodiscard]] char peek() const { return m_pos < m_line.size() ? m_line[m_pos] : '\0'; }
    [[nodiscard]] size_t column() const { return m_pos + 1; }
    [[nodiscard]] bool atQuote() const { return peek() == '\'' || peek() == '"'; }

    [[noreturn]] void fail(size_t column, Message message) const {
        throw Error(std::move(message), fileLocation(m_path, m_lineNumber, column));
    }

    /// A '...' or "..." token, with Weka's backslash escapes.
    void readQuoted(std::string& out) {
        const char quote = m_line[m_pos];
        const size_t start = column();
        out.clear();
        for (++m_pos; m_pos < m_line.size(); ++m_pos) {
            char c = m_line[m_pos];
            if (c == quote) {
                ++m_pos;
                return;
            }
            if (c == '\\' && m_pos + 1 < m_line.size()) {
                c = m_line[++m_pos];
                c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
            }
            out += c;
        }
        fail(start, Message(OFICINA_TR_NOOP("this quote is not closed before the end of the "
                                            "line")));
    }

    /// An unquoted token up to a stop character or the end of the line. With inner spaces
    /// allowed ("sunny day") the token is trimmed and the cursor left just after it.
    void readBare(std::string& out, std::string_view stops, bool innerSpaces) {
        const size_t start = m_pos;
        while (m_pos < m_line.size() && stops.find(m_line[m_pos]) == std::string_view::npos &&
               (innerSpaces || !isSpace(m_line[m_pos])))
            ++m_pos;
        while (m_pos > start && isSpace(m_line[m_pos - 1]))
            --m_pos;
        out.assign(m_line.substr(start, m_pos - start));
    }

    /// A quoted or bare header token, or "" at the end of the line.
    std::string readHeaderToken() {
        std::string token;
        if (atLineEnd()) return token;
        if (atQuote())
            readQuoted(token);
        else
            readBare(token, kHeaderStops, false);
        return token;
    }

    /// The rest of the line must be empty (or a comment).
    void expectLineEnd(const char* afterWhat) {
        if (atLineEnd()) return;
        const size_t start = column();
        std::string extra;
        readBare(extra, "%", true);
        fail(start, Message(afterWhat, {printableText(extra)}));
    }

    // --- header

    void parseHeader() {
        bool haveRelation = false;
        bool sawContent = false;
        while (nextLine()) {
            if (atLineEnd()) continue;
            sawContent = true;
            const size_t start = column();
            std::string keyword;
            readBare(keyword, kHeaderStops, false);
            if (!haveRelation) {
                if (!equalsIgnoringCase(keyword, "@relation"))
                    fail(start, Message(OFICINA_TR_NOOP("expected @relation at the start of an "
                                                        "ARFF file, found '%1'"),
                                        {printableText(keyword.empty() ? std::string(1, peek())
                                                                       : keyword)}));
                parseRelation();
                haveRelation = true;
            } else if (equalsIgnoringCase(keyword, "@attribute")) {
                parseAttribute();
            } else if (equalsIgnoringCase(keyword, "@data")) {
                if (m_attributes.empty())
                    fail(start, Message(OFICINA_TR_NOOP("@data comes before any @attribute")));
                expectLineEnd(OFICINA_TR_NOOP("unexpected '%1' after @data; the data rows "
                                              "start on the next line"));
                return;
            } else {
                fail(start,
                     Message(OFICINA_TR_NOOP("expected @attribute or @data, found '%1'"),
                             {printableText(keyword.empty() ? std::string(1, peek()) : keyword)}));
            }
        }
        if (!sawContent)
            throw Error(Message(OFICINA_TR_NOOP("the file is empty")), fileLocation(m_path, 1, 1));
        throw Error(Message(OFICINA_TR_NOOP("the file ends without a @data line: an ARFF file "
                                            "declares its attributes, then @data, then the rows")),
                    fileLocation(m_path, m_lineNumber, m_line.size() + 1));
    }

    void parseRelation() {
        const bool quoted = !atLineEnd() && atQuote();
        const size_t start = column();
        m_result.relation = readHeaderToken();
        if (m_result.relation.empty() && !quoted)
            fail(start, Message(OFICINA_TR_NOOP("expected the relation's name after @relation")));
        expectLineEnd(OFICINA_TR_NOOP("unexpected '%1' after the relation's name; quote a name "
                                      "that contains spaces"));
    }

    void parseAttribute() {
        skipSpace();
        const size_t nameColumn = column();
        Attribute attribute;
        attribute.name = readHeaderToken();
        if (attribute.name.empty())
            fail(nameColumn, Message(OFICINA_TR_NOOP("expected the attribute's name after "
                                                     "@attribute")));
        if (!m_names.insert(attribute.name).second)
            fail(nameColumn, Message(OFICINA_TR_NOOP("the attribute name '%1' is used twice"),
                                     {printableText(attribute.name)}));

        if (atLineEnd())
            fail(column(), Message(OFICINA_TR_NOOP("expected the type of attribute '%1': "
                                                   "numeric, real, integer, string, date or a "
                                                   "{list} of values"),
                                   {printableText(attribute.name)}));
        const size_t typeColumn = column();
        if (peek() == '{') {
            attribute.kind = Kind::Nominal;
            parseNominalValues(attribute);
        } else {
            std::string type;
            if (atQuote())
                readQuoted(type);
            else
                readBare(type, kHeaderStops, false);
            if (equalsIgnoringCase(type, "numeric") || equalsIgnoringCase(type, "real") ||
                equalsIgnoringCase(type, "integer")) {
                attribute.kind = Kind::Numeric;
            } else if (equalsIgnoringCase(type, "string")) {
                attribute.kind = Kind::String;
            } else if (equalsIgnoringCase(type, "date")) {
                attribute.kind = Kind::Date;
                (void)readHeaderToken(); // the optional date format: the values stay text
                m_result.warnings.emplace_back(
                    OFICINA_TR_NOOP("attribute '%1' is a date; it is read as text (a "
                                    "categorical column)"),
                    std::vector<std::string>{printableText(attribute.name)});
            } else if (equalsIgnoringCase(type, "relational")) {
                fail(typeColumn, Message(OFICINA_TR_NOOP("relational attributes (multi-instance "
                                                         "data) are not supported")));
            } else {
                fail(typeColumn,
                     Message(OFICINA_TR_NOOP("unknown attribute type '%1'; expected "
                                             "numeric, real, integer, string, date "
                                             "or a {list} of values"),
                             {printableText(type.empty() ? std::string(1, peek()) : type)}));
            }
        }
        expectLineEnd(OFICINA_TR_NOOP("unexpected '%1' after the attribute's type"));
        m_attributes.push_back(std::move(attribute));
    }

    void parseNominalValues(Attribute& attribute) {
        const size_t open = column();
        ++m_pos; // '{'
        if (!atLineEnd() && peek() == '}') {
            ++m_pos;
            return;
        }
        std::string value;
        for (;;) {
            if (atLineEnd())
                fail(open, Message(OFICINA_TR_NOOP("this list of values is not closed with '}' "
                                                   "on its line")));
            const size_t valueColumn = column();
            if (atQuote()) {
                readQuoted(value);
            } else {
                readBare(value, ",}%", true);
                if (value.empty())
                    fail(valueColumn, Message(OFICINA_TR_NOOP("expected a value in the list of "
                                                              "attribute '%1'"),
                                              {printableText(attribute.name)}));
            }
            if (attribute.codeOf.count(value))
                fail(valueColumn, Message(OFICINA_TR_NOOP("the value '%1' is listed twice for "
                                                          "attribute '%2'"),
                                          {printableText(value), printableText(attribute.name)}));
            (void)attribute.intern(value);
            if (atLineEnd())
                fail(open, Message(OFICINA_TR_NOOP("this list of values is not closed with '}' "
                                                   "on its line")));
            if (peek() == '}') {
                ++m_pos;
                return;
            }
            if (peek() != ',')
                fail(column(), Message(OFICINA_TR_NOOP("expected ',' or '}' after a value in "
                                                       "the list of attribute '%1'"),
                                       {printableText(attribute.name)}));
            ++m_pos;
        }
    }

    // --- data

    void parseData() {
        size_t rows = 0;
        while (nextLine()) {
            if (atLineEnd()) continue;
            if ((++rows & 1023u) == 0 && m_stop.stop_requested()) throw Cancelled{};
            if (peek() == '{')
                parseSparseRow();
            else
                parseDenseRow();
        }
    }

    /// Reads one value at the cursor into m_fields[index]; `stops` end an unquoted value.
    Field& readField(size_t index, std::string_view stops) {
        if (index == m_fields.size()) m_fields.emplace_back();
        Field& field = m_fields[index];
        field.column = column();
        field.quoted = atQuote();
        if (field.quoted)
            readQuoted(field.text);
        else
            readBare(field.text, stops, true);
        if (!field.quoted && field.text.empty())
            fail(field.column, Message(OFICINA_TR_NOOP("expected a value; write ? for a "
                                                       "missing one")));
        return field;
    }

    void parseDenseRow() {
        const size_t expected = m_attributes.size();
        size_t count = 0;
        size_t end = 0;
        for (;;) {
            (void)readField(count++, ",%");
            end = column();
            if (atLineEnd()) break;
            if (peek() != ',')
                fail(column(), Message(OFICINA_TR_NOOP("expected ',' after a value")));
            ++m_pos;
            skipSpace();
        }
        if (count == expected + 1 && isWeight(m_fields[expected])) {
            warnWeightsIgnored();
            count = expected;
        }
        if (count != expected)
            fail(count > expected ? m_fields[expected].column : end,
                 Message(OFICINA_TR_NOOP("expected %1 values, found %2"),
                         {std::to_string(expected), std::to_string(count)}));
        for (size_t i = 0; i < expected; ++i)
            store(i, m_fields[i]);
    }

    void parseSparseRow() {
        const size_t open = column();
        const size_t attributes = m_attributes.size();
        ++m_pos;           // '{'
        size_t filled = 0; // attributes [0, filled) have their value for this row
        const auto unclosed = [&] {
            fail(open, Message(OFICINA_TR_NOOP("this sparse row is not closed with '}' on its "
                                               "line")));
        };
        if (atLineEnd()) unclosed();
        if (peek() == '}') {
            ++m_pos;
        } else {
            for (;;) {
                if (atLineEnd()) unclosed();
                const size_t indexColumn = column();
                size_t index = 0;
                const char* first = m_line.data() + m_pos;
                const auto [ptr, ec] = std::from_chars(first, m_line.data() + m_line.size(), index);
                if (ec != std::errc() || ptr == first)
                    fail(indexColumn, Message(OFICINA_TR_NOOP("expected an attribute index "
                                                              "(0 to %1) in a sparse row"),
                                              {std::to_string(attributes - 1)}));
                m_pos += size_t(ptr - first);
                if (index >= attributes)
                    fail(indexColumn,
                         Message(OFICINA_TR_NOOP("attribute index %1 is out of "
                                                 "range: the indices go from 0 "
                                                 "to %2"),
                                 {std::to_string(index), std::to_string(attributes - 1)}));
                if (index < filled)
                    fail(indexColumn, Message(OFICINA_TR_NOOP("attribute index %1 is not "
                                                              "greater than the one before; a "
                                                              "sparse row lists indices in "
                                                              "increasing order"),
                                              {std::to_string(index)}));
                if (!isSpace(peek()))
                    fail(column(), Message(OFICINA_TR_NOOP("expected a space and a value after "
                                                           "the attribute index")));
                if (atLineEnd()) unclosed();
                for (; filled < index; ++filled)
                    storeDefault(filled);
                store(index, readField(0, ",}%"));
                filled = index + 1;
                if (atLineEnd()) unclosed();
                if (peek() == '}') {
                    ++m_pos;
                    break;
                }
                if (peek() != ',')
                    fail(column(), Message(OFICINA_TR_NOOP("expected ',' or '}' after a value "
                                                           "in a sparse row")));
                ++m_pos;
            }
        }
        for (; filled < attributes; ++filled)
            storeDefault(filled);
        if (atLineEnd()) return;
        const size_t extraColumn = column();
        if (peek() == ',') {
            ++m_pos;
            skipSpace();
            if (!atLineEnd() && isWeight(readField(0, ",%")) && atLineEnd()) {
                warnWeightsIgnored();
                return;
            }
        }
        fail(extraColumn, Message(OFICINA_TR_NOOP("unexpected text after the end of the sparse "
                                                  "row")));
    }

    void warnWeightsIgnored() {
        if (m_warnedWeights) return;
        m_warnedWeights = true;
        m_result.warnings.emplace_back(OFICINA_TR_NOOP("instance weights ({…} after a row) are "
                                                       "ignored"));
    }

    void store(size_t index, const Field& field) {
        Attribute& attribute = m_attributes[index];
        const bool missing = !field.quoted && field.text == "?";
        switch (attribute.kind) {
        case Kind::Numeric: {
            double value = std::numeric_limits<double>::quiet_NaN();
            if (!missing && !parseNumber(field.text, value))
                fail(field.column,
                     Message(OFICINA_TR_NOOP("'%1' is not a number, and attribute "
                                             "'%2' is numeric"),
                             {printableText(field.text), printableText(attribute.name)}));
            attribute.numbers.push_back(value);
            return;
        }
        case Kind::Nominal: {
            if (missing) {
                attribute.codes.push_back(Column::kMissingCode);
                return;
            }
            const auto it = attribute.codeOf.find(field.text);
            if (it == attribute.codeOf.end())
                fail(field.column,
                     Message(OFICINA_TR_NOOP("'%1' is not one of the values "
                                             "declared for attribute '%2': %3"),
                             {printableText(field.text), printableText(attribute.name),
                              listOfValues(attribute.labels)}));
            attribute.codes.push_back(it->second);
            return;
        }
        case Kind::String:
        case Kind::Date:
            attribute.codes.push_back(missing ? Column::kMissingCode
                                              : attribute.intern(field.text));
            return;
        }
    }

    /// A value a sparse row leaves out: 0, which Weka stores as the number 0 or the first
    /// declared nominal value. Strings and dates have no such value: missing.
    void storeDefault(size_t index) {
        Attribute& attribute = m_attributes[index];
        if (attribute.kind == Kind::Numeric)
            attribute.numbers.push_back(0.0);
        else if (attribute.kind == Kind::Nominal && !attribute.labels.empty())
            attribute.codes.push_back(0);
        else
            attribute.codes.push_back(Column::kMissingCode);
    }

    // --- result

    Table buildTable() {
        std::vector<Column> columns;
        columns.reserve(m_attributes.size());
        for (Attribute& attribute : m_attributes) {
            if (attribute.kind == Kind::Numeric) {
                columns.push_back(Column::numeric(attribute.name, std::move(attribute.numbers)));
                continue;
            }
            // Oficina's dictionaries are sorted byte-wise (numpy.unique's order), whatever
            // order the file declares.
            std::vector<int32_t> order(attribute.labels.size());
            std::iota(order.begin(), order.end(), 0);
            std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
                return attribute.labels[size_t(a)] < attribute.labels[size_t(b)];
            });
            std::vector<int32_t> newCode(order.size());
            std::vector<std::string> sorted(order.size());
            for (size_t k = 0; k < order.size(); ++k) {
                newCode[size_t(order[k])] = int32_t(k);
                sorted[k] = std::move(attribute.labels[size_t(order[k])]);
            }
            for (int32_t& code : attribute.codes)
                if (code != Column::kMissingCode) code = newCode[size_t(code)];
            columns.push_back(
                Column::categorical(attribute.name, std::move(attribute.codes), std::move(sorted)));
        }
        Table table(std::move(columns));
        table.startLineage();
        return table;
    }

    std::string m_path;
    std::string m_text;
    std::stop_token m_stop;
    size_t m_next = 0; // offset of the next line in m_text
    std::string_view m_line;
    size_t m_lineNumber = 0;
    size_t m_pos = 0;
    std::vector<Attribute> m_attributes;
    std::unordered_set<std::string> m_names;
    std::vector<Field> m_fields; // reused from row to row
    ArffResult m_result;
    bool m_warnedWeights = false;
};

} // namespace

ArffResult readArff(const std::string& path, std::stop_token stop) {
    TextInput input(path);
    // The text is held whole while the columns grow: about twice the file, or once more for a
    // stream already in memory.
    requireMemory(input.inMemory() ? input.size() : 2 * input.size(), path);
    return ArffParser(path, input.takeText(), std::move(stop)).parse();
}

} // namespace oficina::core
