#include "core/cad/MarkupText.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace heart::cad {

namespace {

bool isNameChar(char c)
{
    return c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '=';
}

std::string_view localName(std::string_view name)
{
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

void appendUtf8(std::string& out, std::uint32_t code)
{
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        code = 0xFFFD;
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

// The reference at text[0] == '&': appends its character and returns its
// length, or 0 when it is not one.
std::size_t decodeReference(std::string_view text, std::string& out)
{
    const auto end = text.substr(0, 12).find(';');
    if (end == std::string_view::npos || end < 2)
        return 0;
    const std::string_view name = text.substr(1, end - 1);
    if (name[0] == '#') {
        std::uint32_t code = 0;
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string_view number = name.substr(hex ? 2 : 1);
        if (number.empty() || number.size() > 8)
            return 0;
        for (const char c : number) {
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            if (digit < 0)
                return 0;
            code = code * (hex ? 16 : 10) + std::uint32_t(digit);
        }
        appendUtf8(out, code);
        return end + 1;
    }
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> named = {{
        {"amp", "&"},
        {"lt", "<"},
        {"gt", ">"},
        {"quot", "\""},
        {"apos", "'"},
        {"nbsp", "\xC2\xA0"},
    }};
    for (const auto& [entity, replacement] : named) {
        if (name == entity) {
            out += replacement;
            return end + 1;
        }
    }
    return 0;
}

} // namespace

std::string decodeEntities(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '&') {
            if (const auto used = decodeReference(text.substr(i), out)) {
                i += used;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

void scanXml(std::string_view xml, const XmlTextSink& sink)
{
    std::vector<std::string> open;
    std::size_t i = 0;
    auto emit = [&](std::string_view raw, bool decode) {
        if (raw.empty() || open.empty())
            return;
        if (std::all_of(raw.begin(), raw.end(),
                        [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }))
            return;
        const std::string text = decode ? decodeEntities(raw) : std::string(raw);
        sink(std::span<const std::string>(open), text);
    };
    while (i < xml.size()) {
        const auto lt = xml.find('<', i);
        emit(xml.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i), true);
        if (lt == std::string_view::npos)
            return;
        const std::string_view rest = xml.substr(lt);
        if (rest.starts_with("<!--")) {
            const auto end = xml.find("-->", lt + 4);
            if (end == std::string_view::npos)
                return;
            i = end + 3;
        } else if (rest.starts_with("<![CDATA[")) {
            const auto end = xml.find("]]>", lt + 9);
            if (end == std::string_view::npos)
                return;
            emit(xml.substr(lt + 9, end - lt - 9), false);
            i = end + 3;
        } else if (rest.starts_with("<?") || rest.starts_with("<!")) {
            const auto end = xml.find('>', lt + 2);
            if (end == std::string_view::npos)
                return;
            i = end + 1;
        } else {
            const bool closing = rest.size() > 1 && rest[1] == '/';
            std::size_t nameStart = lt + (closing ? 2 : 1);
            std::size_t nameEnd = nameStart;
            while (nameEnd < xml.size() && isNameChar(xml[nameEnd]))
                ++nameEnd;
            // The end of the tag: the first '>' outside quoted attribute values.
            std::size_t end = nameEnd;
            char quote = 0;
            while (end < xml.size() && (quote || xml[end] != '>')) {
                if (quote && xml[end] == quote)
                    quote = 0;
                else if (!quote && (xml[end] == '"' || xml[end] == '\''))
                    quote = xml[end];
                ++end;
            }
            if (end >= xml.size() || nameEnd == nameStart)
                return;
            const std::string_view name = localName(xml.substr(nameStart, nameEnd - nameStart));
            if (closing) {
                // Close up to the matching element; a stray end tag is ignored.
                for (std::size_t k = open.size(); k-- > 0;) {
                    if (open[k] == name) {
                        open.resize(k);
                        break;
                    }
                }
            } else if (xml[end - 1] != '/') {
                if (open.size() >= kXmlMaxDepth)
                    return;
                open.emplace_back(name);
            }
            i = end + 1;
        }
    }
}

std::string htmlToText(std::string_view html)
{
    static constexpr std::array<std::string_view, 12> lineEnds = {"br", "/p",  "p",   "/div", "div", "/li",
                                                                  "li", "/tr", "/h1", "/h2",  "/h3", "hr"};
    std::string flat; // tags removed, entities still in
    flat.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] != '<') {
            flat += html[i++];
            continue;
        }
        if (html.substr(i).starts_with("<!--")) {
            const auto end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        const auto end = html.find('>', i + 1);
        if (end == std::string_view::npos)
            break;
        std::string tag;
        for (std::size_t k = i + 1; k < end && tag.size() < 8; ++k) {
            const char c = html[k];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || (c == '/' && !tag.empty()))
                break;
            tag += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        i = end + 1;
        if (tag == "script" || tag == "style") {
            const std::string closing = "</" + tag;
            std::size_t k = i;
            // Case-insensitive search for the closing tag, linear.
            while (k < html.size()) {
                const auto lt = html.find('<', k);
                if (lt == std::string_view::npos) {
                    k = html.size();
                    break;
                }
                std::string candidate(html.substr(lt, closing.size()));
                for (auto& c : candidate)
                    c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
                if (candidate == closing) {
                    const auto close = html.find('>', lt);
                    k = close == std::string_view::npos ? html.size() : close + 1;
                    break;
                }
                k = lt + 1;
            }
            i = k;
            continue;
        }
        if (std::find(lineEnds.begin(), lineEnds.end(), tag) != lineEnds.end())
            flat += '\n';
        else if (tag == "td" || tag == "th")
            flat += ' '; // table cells stay apart; inline tags ("un<b>clear</b>") join their words
    }
    const std::string decoded = decodeEntities(flat);
    std::string out;
    std::string line;
    auto endLine = [&] {
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        if (!line.empty()) {
            if (!out.empty())
                out += '\n';
            out += line;
        }
        line.clear();
    };
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        const char c = decoded[i];
        if (c == '\n' || c == '\r') {
            endLine();
        } else if (c == ' ' || c == '\t' ||
                   (c == '\xC2' && i + 1 < decoded.size() && decoded[i + 1] == '\xA0')) {
            if (c == '\xC2')
                ++i;
            if (!line.empty() && line.back() != ' ')
                line += ' ';
        } else {
            line += c;
        }
    }
    endLine();
    return out;
}

} // namespace heart::cad
