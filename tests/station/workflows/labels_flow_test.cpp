#include "demo_fixture.hpp"
#include "lotstation/labels/payload.hpp"
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/scan/scan_files.hpp"
#include "lotstation/station/label_content.hpp"
#include "lotstation/station/label_printer.hpp"
#include "lotstation/station/lookup.hpp"
#include "lotstation/station/paths.hpp"
#include "lotstation/station/workflows/labels_flow.hpp"

#include <algorithm>
#include <memory>

using namespace lotstation::station;
namespace storage = lotstation::storage;
namespace scan = lotstation::scan;
using lotstation::test::DemoFixture;

namespace {

LabelPrinter shippedTemplates() {
    auto printer = LabelPrinter::load({findAssetsDir() / "labels"});
    REQUIRE_MESSAGE(printer, (printer ? "" : printer.error().message));
    return std::move(*printer);
}

std::vector<std::string> decoded(const std::filesystem::path& png) {
    const auto report = scan::scanFiles({png.string()});
    std::vector<std::string> texts;
    for (const auto& found : report.codes)
        texts.push_back(found.code.text);
    return texts;
}

} // namespace

TEST_CASE("labels: scan a lot, see what its label says, set copies, print asks for that many") {
    DemoFixture demo;
    LabelsFlow flow(demo.ledger);
    CHECK(flow.apply(labelsflow::Print{}).feedback == FeedbackKind::Refused);
    const auto opened = flow.scanned(scan::interpret("OM-24-0917"), {}); // the supplier's lot code
    REQUIRE(opened);
    REQUIRE(flow.state().content);
    CHECK(flow.state().content->lotCode == demo.olive1());
    CHECK(flow.state().content->itemName == "Olive oil, extra virgin");
    CHECK(flow.state().content->supplierLot == "OM-24-0917");
    CHECK(flow.state().payload == *lotstation::labels::payloadFor(*flow.state().content));
    // Copies come from the keypad, as whole pieces.
    CHECK(flow.apply(labelsflow::CopiesEntered{Quantity{3, storage::Uom::Piece}}).feedback == std::nullopt);
    CHECK(flow.state().copies == 3);
    CHECK(flow.apply(labelsflow::SetCopies{0}).feedback == FeedbackKind::Refused);
    CHECK(flow.apply(labelsflow::CopiesEntered{Quantity{2'000'000, storage::Uom::Gram}}).feedback ==
          FeedbackKind::Refused);
    CHECK(flow.state().copies == 3);
    const auto print = flow.apply(labelsflow::Print{});
    CHECK(print.feedback == FeedbackKind::Accepted);
    CHECK((print.labelsToPrint == std::vector<std::string>(3, demo.olive1())));
}

TEST_CASE("labels: pick the item, then the lot") {
    DemoFixture demo;
    LabelsFlow flow(demo.ledger);
    flow.apply(labelsflow::PickItem{"SOAP-BASE"});
    REQUIRE(flow.state().lotsOfItem.size() == 1);
    flow.apply(labelsflow::OpenLot{demo.soapBase()});
    REQUIRE(flow.state().content);
    CHECK(flow.state().content->lotCode == demo.soapBase());
    CHECK(flow.state().item->sku == "SOAP-BASE"); // kept: the next lot of it is one tap away
}

TEST_CASE("label printer: a reprinted label is a PNG file whose code decodes back to the lot's payload") {
    DemoFixture demo;
    const auto printer = shippedTemplates();
    PrinterSetup setup{"", "lot-50x30", demo.dir.file("labels")};
    auto prepared = labelJobs(demo.ledger, {demo.lavenderBars()}, setup);
    REQUIRE(prepared.failed.empty());
    REQUIRE(prepared.jobs.size() == 1);
    const auto result = printer.print(prepared.jobs[0]);
    INFO(result.message);
    REQUIRE(result.ok);
    REQUIRE(result.file);
    CHECK(result.file->parent_path() == demo.dir.file("labels"));
    CHECK(result.file->extension() == ".png");
    const auto content = lotLabelContent(demo.ledger, demo.lavenderBars());
    REQUIRE(content);
    const auto payload = lotstation::labels::payloadFor(*content);
    REQUIRE(payload);
    const auto texts = decoded(*result.file);
    REQUIRE(texts.size() == 1);
    CHECK(texts[0] == *payload);
    // The bars have a GTIN, so the code is a GS1 Digital Link; the station's lookup finds the lot by it.
    const auto found = lookUpText(demo.ledger, texts[0]);
    REQUIRE(std::holds_alternative<FoundLots>(found));
    CHECK(std::get<FoundLots>(found).lots.at(0).code == demo.lavenderBars());
}

TEST_CASE("label printer: copies become one PDF, an unknown template or an absent printer fails") {
    DemoFixture demo;
    const auto printer = shippedTemplates();
    auto prepared = labelJobs(demo.ledger, {demo.oatBars(), demo.oatBars(), "NO-SUCH-LOT"},
                              PrinterSetup{"", "lot-50x30", demo.dir.file("labels")});
    REQUIRE(prepared.jobs.size() == 1);
    CHECK(prepared.jobs[0].copies == 2);
    REQUIRE(prepared.failed.size() == 1);
    CHECK(prepared.failed[0].message.find("NO-SUCH-LOT") != std::string::npos);
    const auto pdf = printer.print(prepared.jobs[0]);
    REQUIRE(pdf.ok);
    CHECK(pdf.file->extension() == ".pdf");
    CHECK(lotstation::test::readFile(*pdf.file).rfind("%PDF-", 0) == 0);

    // A template that is not there, and a printer nobody listens on.
    auto job = prepared.jobs[0];
    job.setup.templateName = "no-such-template";
    CHECK_FALSE(printer.print(job).ok);
    job.setup.templateName = "lot-50x30";
    job.setup.printer = "127.0.0.1:9"; // discard port: nothing listens, the connect is refused
    const auto offline = printer.print(job);
    CHECK_FALSE(offline.ok);
    CHECK(offline.message.find("not printed") != std::string::npos);
}

TEST_CASE("print worker: labels print off the caller's thread and come back in order") {
    DemoFixture demo;
    PrintWorker worker(shippedTemplates());
    const PrinterSetup setup{"", "lot-50x30", demo.dir.file("labels")};
    auto prepared = labelJobs(demo.ledger, {demo.soapBase(), demo.olive1(), demo.oatBars()}, setup);
    REQUIRE(prepared.jobs.size() == 3);
    for (auto& job : prepared.jobs)
        worker.submit(std::move(job));
    worker.waitIdle();
    const auto results = worker.takeFinished();
    REQUIRE(results.size() == 3);
    CHECK(results[0].lot == demo.soapBase());
    CHECK(results[2].lot == demo.oatBars());
    for (const auto& result : results) {
        CHECK(result.ok);
        CHECK(std::filesystem::exists(*result.file));
    }
    CHECK(worker.takeFinished().empty());
}

TEST_CASE("labels: the preview is the label rendered in the chosen template, a new version per lot") {
    DemoFixture demo;
    const auto printer = std::make_shared<const LabelPrinter>(shippedTemplates());
    LabelsFlow flow(demo.ledger, [printer](const lotstation::labels::LotLabelData& content) {
        return printer->preview(content, "lot-50x30");
    });
    flow.apply(labelsflow::OpenLot{demo.soapBase()});
    REQUIRE(flow.state().preview);
    const auto& image = *flow.state().preview;
    CHECK(image.channels == 3);
    CHECK(image.width > image.height); // 50 × 30 mm, landscape
    CHECK(image.pixels.size() == static_cast<std::size_t>(image.width) * image.height * 3);
    // Black on white: both are there.
    const auto [dark, light] = std::minmax_element(image.pixels.begin(), image.pixels.end());
    CHECK(*dark < 40);
    CHECK(*light > 215);
    const auto first = flow.state().previewVersion;
    flow.apply(labelsflow::OpenLot{demo.oatBars()});
    CHECK(flow.state().previewVersion > first);
    CHECK_FALSE(printer->preview(*flow.state().content, "no-such-template"));
}
