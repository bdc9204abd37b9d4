// RFID tags of lots through the real command line: the label's ZPL writes tags with serials the station
// assigns from its short code's range, `epc encode` assigns or takes one, and a scan of the tag (hex as a
// wedge reader types it, or the URI) finds the lot. Bad input is a sentence and takes no serial.
#include "cli_test_support.hpp"
#include "lotstation/formats/epc.hpp"

#include <doctest/doctest.h>
#include <fstream>

using lotstation::test::CliFixture;
namespace formats = lotstation::formats;

namespace {

std::vector<std::string> writtenHexes(const std::filesystem::path& zplFile) {
    std::ifstream in(zplFile, std::ios::binary);
    const std::string zpl{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<std::string> hexes;
    for (auto at = zpl.find("^RFW,H"); at != std::string::npos; at = zpl.find("^RFW,H", at + 1)) {
        const auto data = zpl.find("^FD", at) + 3;
        hexes.push_back(zpl.substr(data, zpl.find("^FS", data) - data));
    }
    return hexes;
}

std::string serialOf(const std::string& hex) {
    const auto epc = formats::decodeEpcHex(hex);
    REQUIRE_MESSAGE(epc.has_value(), hex);
    for (const auto& element : epc->elements)
        if (element.ai == "21") return element.value;
    return {};
}

} // namespace

TEST_CASE("cli rfid: tagged lot labels, epc encode with and without --serial, lookup by tag, refusals") {
    CliFixture cli;
    REQUIRE(cli.run({"init", "--station", "Dock", "--short-code", "A"}).exitCode == 0);
    REQUIRE(cli.run({"supplier", "add", "OLIVA", "--name", "Oliva Mills"}).exitCode == 0);
    REQUIRE(cli.run({"location", "add", "STORE", "--name", "Store"}).exitCode == 0);
    REQUIRE(cli.run({"item", "add", "BAR", "--name", "Soap bar", "--uom", "pc", "--gtin", "09506000134352",
                     "--location", "STORE"})
                .exitCode == 0);
    REQUIRE(cli.run({"item", "add", "OIL", "--name", "Olive oil", "--uom", "g", "--location", "STORE"}).exitCode ==
            0);
    const auto bar = cli.run({"receive", "BAR", "48", "--supplier", "OLIVA", "--supplier-lot", "B1", "--expires",
                              "2027-11-24"})
                         .firstLine();
    const auto oil = cli.run({"receive", "OIL", "1kg", "--supplier", "OLIVA", "--supplier-lot", "O1"}).firstLine();

    // Two copies for an RFID printer: two labels, two tags, the first two serials of short code A's range.
    const auto zpl = cli.dir().file("bar.zpl");
    const auto printed =
        cli.run({"label", bar, "--template", "lot-100x50-rfid", "--copies", "2", "--out", zpl.string()});
    REQUIRE_MESSAGE(printed.exitCode == 0, printed.err);
    const auto hexes = writtenHexes(zpl);
    REQUIRE(hexes.size() == 2);
    CHECK(serialOf(hexes[0]) == "100001");
    CHECK(serialOf(hexes[1]) == "100002");
    // A PNG writes no tag and takes no serial.
    REQUIRE(cli.run({"label", bar, "--template", "lot-100x50-rfid", "--out", cli.dir().file("bar.png").string()})
                .exitCode == 0);

    // The tag as a wedge reader types it, and as a URI, finds the lot.
    auto found = cli.run({"--json", "lookup", hexes[0]});
    REQUIRE_MESSAGE(found.exitCode == 0, found.err);
    CHECK(found.json()["lots"][0]["code"] == bar);
    found = cli.run({"--json", "lookup", "urn:epc:id:sgtin:9506000.013435.100002"});
    REQUIRE_MESSAGE(found.exitCode == 0, found.err);
    CHECK(found.json()["lots"][0]["code"] == bar);

    // Refusals: a lot without GTIN, a serial sgtin-96 cannot hold, another lot's serial; nothing recorded.
    auto refused = cli.run({"epc", "encode", oil, "--scheme", "sgtin-96"});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.find("lot " + oil + " has no GTIN (its item has none); an sgtin-96 tag needs one") !=
          std::string::npos);
    refused = cli.run({"label", oil, "--template", "lot-100x50-rfid", "--out", cli.dir().file("oil.zpl").string()});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.find("has no GTIN") != std::string::npos);
    refused = cli.run({"epc", "encode", bar, "--serial", "274877906944"});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.find("lot " + bar + ": ") != std::string::npos);

    // epc encode without --serial assigns the next one (no serial was used up by the refusals).
    auto encoded = cli.run({"--json", "epc", "encode", bar, "--scheme", "sgtin-96"});
    REQUIRE_MESSAGE(encoded.exitCode == 0, encoded.err);
    CHECK(encoded.json()["elements"]["21"] == "100003");
    CHECK(encoded.json()["lot"] == bar);
    // --serial still works, is recorded, and may be asked again for the same lot.
    encoded = cli.run({"--json", "epc", "encode", bar, "--serial", "42"});
    REQUIRE_MESSAGE(encoded.exitCode == 0, encoded.err);
    CHECK(encoded.json()["elements"]["21"] == "42");
    CHECK(cli.run({"epc", "encode", bar, "--serial", "42"}).exitCode == 0);
    found = cli.run({"--json", "lookup", encoded.json()["hex"].get<std::string>()});
    CHECK(found.json()["lots"][0]["code"] == bar);

    // dsgtin+ carries the lot and expiry itself.
    encoded = cli.run({"--json", "epc", "encode", bar, "--scheme", "dsgtin+"});
    REQUIRE_MESSAGE(encoded.exitCode == 0, encoded.err);
    CHECK(encoded.json()["elements"]["10"] == bar);
    CHECK(encoded.json()["elements"]["17"] == "271124");
    CHECK(encoded.json()["elements"]["21"] == "100004");
}
