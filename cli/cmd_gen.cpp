// cmd_gen.cpp — `yutang gen --customers N --out FILE.csv [--seed S] [--json]`: writes a synthetic
// order history (BG/NBD purchases + Gamma-Gamma spend, CDNOW-like parameters, 78 weeks from
// 2024-01-01) as "customer_id,order_date,amount" CSV, in chunks.
// Boolean flags: --json. Exit 0 ok, 2 bad input.
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include "cli/cli_common.hpp"
#include "core/tiering/simulate.hpp"

namespace yt::cli {

Result<double> tiering_number_arg(const Args& args, const std::string& key, double def, double lo, double hi);  // cmd_clv.cpp

int cmd_gen(const Args& args, Lang lang) {
    auto n = tiering_number_arg(args, "customers", 10000, 1, 50000000);
    if (!n) return fail(n.error(), lang);
    auto seed = tiering_number_arg(args, "seed", 1, 0, 9007199254740991.0);
    if (!seed) return fail(seed.error(), lang);
    GenOptions g;
    g.customers = static_cast<std::uint32_t>(*n);
    g.seed = static_cast<std::uint64_t>(*seed);
    const OrderTable t = generate_orders(g);
    const std::string path = args.get("out");
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) return fail(Error("cli.cannot_write", {path}, Location{path, 0, 0, ""}), lang);
    std::uint64_t bytes = 0;
    write_orders_csv(t, [&](std::string_view chunk) {
        f.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        bytes += chunk.size();
    });
    f.close();
    if (!f) return fail(Error("cli.cannot_write", {path}, Location{path, 0, 0, ""}), lang);
    if (args.flags.count("json")) {
        std::cout << "{\"customers\":" << t.customers() << ",\"rows\":" << t.orders() << ",\"bytes\":" << bytes
                  << ",\"seed\":" << g.seed << ",\"out\":\"" << json_escape(path) << "\"}\n";
    } else if (lang == Lang::En) {
        std::cout << "wrote " << t.orders() << " orders of " << t.customers() << " customers (" << bytes << " bytes) to "
                  << path << "\n";
    } else {
        std::cout << "已写出 " << t.customers() << " 位客户的 " << t.orders() << " 条订单（" << bytes << " 字节）到 " << path
                  << "\n";
    }
    return 0;
}

}  // namespace yt::cli
