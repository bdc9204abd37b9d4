// ZPL against a golden file, raw TCP printing to a real loopback listener, CUPS through lp, file output.
#include "fake_printer.hpp"
#include "label_decode.hpp"
#include "test_support.hpp"

#include <arpa/inet.h>
#include <cstdlib>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace lotstation::labels;
using lotstation::test::closedPort;
using lotstation::test::FakePrinter;
using namespace lotstation::labels::test;

namespace {

PrintJob lotJob(int copies) {
    return PrintJob{
        shippedTemplate("lot-100x50-gs1"), {LabelContent(sampleLotWithGtin())}, copies, std::nullopt, 0};
}

std::filesystem::path goldenDir() {
    return std::filesystem::path(LOTSTATION_SOURCE_DIR) / "tests" / "labels" / "golden";
}

// Compares with tests/labels/golden/NAME; LOTSTATION_UPDATE_GOLDEN=1 rewrites the file instead (then review
// the diff).
void checkGolden(const std::string& name, const std::string& actual) {
    const auto file = goldenDir() / name;
    if (std::getenv("LOTSTATION_UPDATE_GOLDEN") != nullptr) lotstation::test::writeFile(file, actual);
    REQUIRE_MESSAGE(std::filesystem::exists(file), "golden file missing: " << file);
    CHECK(actual == lotstation::test::readFile(file));
}

} // namespace

TEST_CASE("ZPL of the GS1 lot label matches the golden file") {
    const std::vector<LabelContent> labels{sampleLotWithGtin()};
    auto zpl = renderZpl(shippedTemplate("lot-100x50-gs1"), labels, 2);
    REQUIRE(zpl.has_value());
    checkGolden("lot-100x50-gs1.zpl", *zpl);
    CHECK(zpl->find("^BCN,") != std::string::npos);
    CHECK(zpl->find(">;>80109506000134352") != std::string::npos); // subset C, FNC1, (01)
    CHECK(zpl->find("^PQ2^XZ") != std::string::npos);
}

TEST_CASE("ZPL of small lot, DataMatrix, location, badge and command labels match their golden files") {
    struct Case {
        const char* templateName;
        LabelContent content;
        const char* golden;
    };
    auto oddLot = sampleLot();
    oddLot.lotCode = "lot_7^~x";
    const std::vector<Case> cases{
        {"lot-50x30", LabelContent(oddLot), "lot-50x30-odd.zpl"},
        {"lot-50x30-datamatrix", LabelContent(sampleLotWithGtin()), "lot-50x30-datamatrix.zpl"},
        {"location-100x50", LabelContent(LocationLabelData{"A-01-03", "Cold store, shelf 3"}),
         "location.zpl"},
        {"badge-86x54", LabelContent(BadgeLabelData{"Maria González", "U-0042"}), "badge.zpl"},
        {"command-100x50", LabelContent(CommandLabelData{LabelCommand::Undo}), "command-undo.zpl"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.golden);
        const std::vector<LabelContent> labels{c.content};
        auto zpl = renderZpl(shippedTemplate(c.templateName), labels, 1);
        REQUIRE(zpl.has_value());
        checkGolden(c.golden, *zpl);
    }
}

TEST_CASE("raw TCP printing delivers exactly the ZPL bytes to the printer") {
    FakePrinter printer;
    const auto job = lotJob(3);
    const RawTcpTarget target{"127.0.0.1", printer.port()};
    auto receipt = print(job, target);
    REQUIRE_MESSAGE(receipt.has_value(), (receipt ? "" : receipt.error().message));
    const auto expected = renderZpl(job.labelTemplate, job.labels, 3).value();
    CHECK(printer.received() == expected);
    CHECK(receipt->bytesSent == expected.size());
    CHECK(receipt->labelsPrinted == 3);
}

TEST_CASE("an absent printer is an error the operator can read, and the job can be sent again") {
    const int port = closedPort();
    const auto job = lotJob(1);
    auto refused = print(job, RawTcpTarget{"127.0.0.1", port});
    REQUIRE_FALSE(refused.has_value());
    CHECK((refused.error().kind == lotstation::ErrorKind::Unavailable));
    CHECK(refused.error().message.find("printer 127.0.0.1:" + std::to_string(port) + " refused") !=
          std::string::npos);

    // A printer that never takes the connection (its accept queue is full) times out within the limit.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
    REQUIRE(::listen(listener, 0) == 0);
    socklen_t length = sizeof(address);
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    const int busyPort = ntohs(address.sin_port);
    std::vector<int> fillers; // connections that fill the backlog and are never accepted
    for (int i = 0; i < 3; ++i) {
        const int filler = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        ::connect(filler, reinterpret_cast<sockaddr*>(&address), sizeof(address));
        fillers.push_back(filler);
    }
    ::usleep(50000);
    RawTcpTarget silent{"127.0.0.1", busyPort};
    silent.connectTimeout = std::chrono::milliseconds(400);
    const auto start = std::chrono::steady_clock::now();
    auto timedOut = sendRawTcp(silent, "^XA^XZ");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    for (int filler : fillers)
        ::close(filler);
    ::close(listener);
    REQUIRE_FALSE(timedOut.has_value());
    CHECK(timedOut.error().message ==
          "printer 127.0.0.1:" + std::to_string(busyPort) + " did not answer within 400 ms");
    CHECK(elapsed < std::chrono::seconds(2));

    // The same job printed again later, now that the printer is there.
    FakePrinter printer;
    auto again = print(job, RawTcpTarget{"127.0.0.1", printer.port()});
    REQUIRE(again.has_value());
    CHECK(printer.received() == renderZpl(job.labelTemplate, job.labels, 1).value());
}

TEST_CASE("a printer that stops reading makes the send time out instead of hanging") {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
    REQUIRE(::listen(listener, 1) == 0);
    socklen_t length = sizeof(address);
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    RawTcpTarget stuck{"127.0.0.1", ntohs(address.sin_port)};
    stuck.sendTimeout = std::chrono::milliseconds(300);
    const std::string huge(64 * 1024 * 1024, 'x'); // far more than the socket buffers hold
    auto result = sendRawTcp(stuck, huge);
    ::close(listener);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.find("stopped taking data for 300 ms") != std::string::npos);
}

TEST_CASE("an unknown printer host is a clear error") {
    auto result = sendRawTcp(RawTcpTarget{"no-such-printer.invalid", 9100}, "^XA^XZ");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.find("printer no-such-printer.invalid:9100 not found") != std::string::npos);
}

TEST_CASE("CUPS: a missing lp is a clear error") {
    CupsTarget target{"labels", CupsDataFormat::Pdf, "lp-that-does-not-exist"};
    auto result = print(lotJob(1), target);
    REQUIRE_FALSE(result.has_value());
    CHECK((result.error().kind == lotstation::ErrorKind::Unavailable));
    CHECK(result.error().message.find("cannot run 'lp-that-does-not-exist'") != std::string::npos);
    CHECK(result.error().message.find("cups-client") != std::string::npos);
}

TEST_CASE("CUPS: lp gets the queue, copies and data as separate arguments, never through a shell") {
    // CUPS is not installed on the build machine, so a stand-in lp records its arguments and the file it
    // gets.
    lotstation::test::TempDir dir;
    const auto fakeLp = dir.file("lp");
    lotstation::test::writeFile(fakeLp, "#!/bin/sh\n"
                                        "out=\"$(dirname \"$0\")\"\n"
                                        "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$out/args\"\n"
                                        "for a in \"$@\"; do last=\"$a\"; done\n"
                                        "cp \"$last\" \"$out/data\"\n"
                                        "echo \"request id is labels-42 (1 file(s))\"\n");
    ::chmod(fakeLp.c_str(), 0755);
    const std::string queue = "labels; touch " + dir.file("pwned").string();
    auto receipt = print(lotJob(2), CupsTarget{queue, CupsDataFormat::Pdf, fakeLp.string()});
    REQUIRE_MESSAGE(receipt.has_value(), (receipt ? "" : receipt.error().message));
    CHECK(receipt->detail == "request id is labels-42 (1 file(s))");
    CHECK_FALSE(std::filesystem::exists(dir.file("pwned")));
    const auto args = lotstation::test::readFile(dir.file("args"));
    CHECK(args.starts_with("-d\n" + queue + "\n-n\n2\n-t\nLotstation labels (lot-100x50-gs1)\n--\n"));
    const auto data = lotstation::test::readFile(dir.file("data"));
    CHECK(data.starts_with("%PDF-"));

    // lp failing (exit status) is reported with what it said.
    lotstation::test::writeFile(fakeLp,
                                "#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n");
    auto failed = print(lotJob(1), CupsTarget{"nowhere", CupsDataFormat::Pdf, fakeLp.string()});
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().message ==
          "lp could not print to queue 'nowhere': lp: The printer or class does not exist.");
}

TEST_CASE("printing to files picks the format from the extension") {
    lotstation::test::TempDir dir;
    auto png = print(lotJob(1), FileTarget{dir.file("label.png")});
    REQUIRE(png.has_value());
    CHECK_FALSE(decodePngFile(dir.file("label.png")).empty());
    auto pdf = print(lotJob(3), FileTarget{dir.file("label.PDF")});
    REQUIRE(pdf.has_value());
    CHECK(lotstation::test::readFile(dir.file("label.PDF")).starts_with("%PDF-"));
    auto zpl = print(lotJob(2), FileTarget{dir.file("label.zpl")});
    REQUIRE(zpl.has_value());
    CHECK(lotstation::test::readFile(dir.file("label.zpl")) ==
          renderZpl(lotJob(2).labelTemplate, lotJob(2).labels, 2).value());
    auto twoPng = print(lotJob(2), FileTarget{dir.file("two.png")});
    REQUIRE_FALSE(twoPng.has_value());
    CHECK(twoPng.error().message.find("a PNG holds one label") != std::string::npos);
    auto unknown = print(lotJob(1), FileTarget{dir.file("label.txt")});
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().message.find("use a .png, .pdf or .zpl") != std::string::npos);
}

TEST_CASE("printer targets parse from the command line's --printer text") {
    auto tcp = parsePrinterTarget("10.0.0.5:9100");
    REQUIRE(tcp.has_value());
    REQUIRE(std::holds_alternative<RawTcpTarget>(*tcp));
    CHECK(std::get<RawTcpTarget>(*tcp).host == "10.0.0.5");
    CHECK(std::get<RawTcpTarget>(*tcp).port == 9100);
    auto scheme = parsePrinterTarget("tcp://zebra.local");
    REQUIRE(std::holds_alternative<RawTcpTarget>(scheme.value()));
    CHECK(std::get<RawTcpTarget>(*scheme).port == 9100);
    auto v6 = parsePrinterTarget("[::1]:9101");
    CHECK(std::get<RawTcpTarget>(v6.value()).host == "::1");
    auto cups = parsePrinterTarget("Zebra_ZD421");
    REQUIRE(std::holds_alternative<CupsTarget>(cups.value()));
    CHECK(std::get<CupsTarget>(*cups).queue == "Zebra_ZD421");
    CHECK(std::get<CupsTarget>(parsePrinterTarget("cups:office:2").value()).queue == "office:2");
    CHECK(std::holds_alternative<FileTarget>(parsePrinterTarget("out/labels.pdf").value()));
    CHECK_FALSE(parsePrinterTarget("").has_value());
    CHECK_FALSE(parsePrinterTarget("host:99999").has_value());
}
