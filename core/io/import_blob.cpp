// import_blob.cpp — the stored form of an imported file (see import_blob.hpp).
#include "core/io/import_blob.hpp"

#include "core/model/json.hpp"

namespace yt {

namespace {
const char* header_mode_name(HeaderMode h) { return h == HeaderMode::Yes ? "yes" : h == HeaderMode::No ? "no" : "auto"; }
}  // namespace

std::string pack_import(const std::string& file_name, const ImportOptions& options, std::string_view bytes) {
    std::string out = pack_import_head(file_name, options);
    out.append(bytes.data(), bytes.size());
    return out;
}

std::string pack_import_head(const std::string& file_name, const ImportOptions& options, bool rows) {
    rapidjson::StringBuffer sb;
    rapidjson::Writer<rapidjson::StringBuffer> w(sb);
    w.StartObject();
    w.Key("format"); w.String("yutang-import");
    w.Key("version"); w.Int(1);
    if (rows) {
        w.Key("form"); w.String("rows");
    }
    w.Key("file_name"); w.String(file_name.c_str(), static_cast<rapidjson::SizeType>(file_name.size()));
    w.Key("encoding"); w.String(options.encoding == Encoding::Auto ? "auto" : encoding_name(options.encoding));
    w.Key("delimiter"); w.String(options.delimiter.c_str());
    w.Key("header"); w.String(header_mode_name(options.header));
    if (!options.sheet.empty()) {
        w.Key("sheet"); w.String(options.sheet.c_str(), static_cast<rapidjson::SizeType>(options.sheet.size()));
    }
    if (options.mapping) {
        std::string spec = format_column_spec(*options.mapping);
        w.Key("columns"); w.String(spec.c_str(), static_cast<rapidjson::SizeType>(spec.size()));
    }
    w.EndObject();
    std::string out(sb.GetString(), sb.GetSize());
    out += '\n';
    return out;
}

Result<StoredImport> unpack_import(std::string_view blob) {
    std::size_t body = 0;
    auto s = unpack_import_head(blob, &body);
    if (s) s->bytes.assign(blob.data() + body, blob.size() - body);
    return s;
}

Result<StoredImport> unpack_import_head(std::string_view blob, std::size_t* body) {
    auto nl = blob.find('\n');
    if (nl == std::string_view::npos) return Error("io.bad_stored_import");
    if (json_nesting_depth(blob.substr(0, nl)) > kMaxJsonDepth) return Error("io.bad_stored_import");
    rapidjson::Document d;
    d.Parse<kSafeParseFlags>(blob.data(), nl);
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("format") || !d["format"].IsString() ||
        std::string_view(d["format"].GetString()) != "yutang-import")
        return Error("io.bad_stored_import");
    StoredImport s;
    auto str = [&](const char* k) -> std::string {
        return d.HasMember(k) && d[k].IsString() ? std::string(d[k].GetString(), d[k].GetStringLength()) : std::string();
    };
    s.file_name = str("file_name");
    s.options.file_name = s.file_name;
    std::string enc = str("encoding");
    if (enc != "auto" && !enc.empty()) {
        auto e = parse_encoding(enc);
        if (!e) return Error("io.bad_stored_import");
        s.options.encoding = *e;
    }
    s.options.delimiter = str("delimiter");
    s.options.sheet = str("sheet");
    const std::string form = str("form");
    if (!form.empty() && form != "rows") return Error("io.bad_stored_import");  // a later version's form
    s.rows = form == "rows";
    std::string h = str("header");
    s.options.header = h == "yes" ? HeaderMode::Yes : h == "no" ? HeaderMode::No : HeaderMode::Auto;
    std::string cols = str("columns");
    if (!cols.empty()) {
        auto m = parse_column_spec(cols);
        if (!m) return Error("io.bad_stored_import");
        s.options.mapping = std::move(*m);
    }
    if (body) *body = nl + 1;
    return s;
}

}  // namespace yt
