// The Quality screen's inspection form (demo ledger): text results judged against the expected value as they
// are entered; a photo from the camera (JPEG) and a supplier's PDF from the import folder waiting on the form
// and attached with the inspection in its transaction; documents the ledger refuses (not what their name
// says, too large) refused with nothing written.
#include "demo_fixture.hpp"
#include "lotstation/station/jpeg.hpp"
#include "lotstation/station/workflows/quality_flow.hpp"
#include "lotstation/storage/quality.hpp"

#include <opencv2/imgcodecs.hpp>

#include <fstream>

using namespace lotstation::station;
namespace storage = lotstation::storage;
using lotstation::test::DemoFixture;
using lotstation::test::TempDir;

namespace {

FlowOutcome signAs(QualityFlow& flow, const std::string& who, const std::string& pin) {
    flow.apply(quality::PickSigner{who});
    for (char c : pin)
        flow.apply(quality::PinKey{static_cast<KeypadKey>(c - '0')});
    return flow.apply(quality::Sign{});
}

// A frame as the camera feed hands it: RGB, a red left half and a blue right half.
Image twoColourFrame(int width, int height) {
    Image image{width, height, 3, std::vector<std::uint8_t>(static_cast<std::size_t>(width * height * 3))};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            auto* p = &image.pixels[static_cast<std::size_t>((y * width + x) * 3)];
            p[0] = x < width / 2 ? 220 : 20;
            p[2] = x < width / 2 ? 20 : 220;
        }
    return image;
}

void writeFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

} // namespace

TEST_CASE("quality flow: a text result is the expected value in one tap, or typed and judged against it") {
    DemoFixture demo;
    const std::string lot = demo.demo.quarantinedLots.at(0);
    QualityFlow flow(demo.ledger);
    flow.apply(quality::Open{lot});
    const auto& tests = flow.state().lot->spec.tests;
    const auto odour = std::ranges::find(tests, "odour", &storage::SpecTest::name);
    REQUIRE(odour != tests.end());
    REQUIRE((odour->kind == storage::TestKind::Text));
    const std::string expected = odour->expected.value();

    flow.apply(quality::SetResult{"odour", expected});
    CHECK(flow.state().verdicts.at("odour"));
    flow.apply(quality::SetResult{"odour", "rancid"}); // typed on the keyboard ("Other…")
    CHECK(flow.state().results.at("odour") == "rancid");
    CHECK_FALSE(flow.state().verdicts.at("odour"));
    std::string shouted = expected;
    std::ranges::transform(shouted, shouted.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
    flow.apply(quality::SetResult{"odour", " " + shouted + " "}); // the ledger's rule: case and outer spaces
    CHECK(flow.state().verdicts.at("odour"));

    // Numbers are judged as they are entered; what is not of the test's type never reaches the form.
    flow.apply(quality::TypeNumber{"acid"});
    for (auto key : {KeypadKey::D4, KeypadKey::Dot, KeypadKey::D6})
        flow.apply(quality::NumberKey{key});
    flow.apply(quality::NumberDone{});
    CHECK_FALSE(flow.state().verdicts.at("acid"));
    const auto word = flow.apply(quality::SetResult{"acid", "lots"});
    CHECK(word.feedback == FeedbackKind::Refused);
    CHECK(flow.state().results.at("acid") == "4.6");
    CHECK(flow.apply(quality::SetResult{"colour", "white"}).feedback == FeedbackKind::Refused);
    CHECK_FALSE(flow.state().results.contains("colour"));

    // Recorded: the inspection fails on what was judged failing, and the release says why.
    flow.apply(quality::SetResult{"odour", "rancid"});
    flow.apply(quality::SetResult{"acid", "3.2"});
    flow.apply(quality::SetResult{"seal", "pass"});
    flow.apply(quality::StartSign{SignAction::Inspect});
    CHECK(signAs(flow, "quinn", "3333").message == "Inspection recorded: failed");
    const auto inspections = storage::inspectionsOf(demo.ledger, lot);
    const auto& results = inspections.back().results;
    const auto recorded = std::ranges::find(results, "odour", &storage::TestResult::test);
    REQUIRE(recorded != results.end());
    CHECK(recorded->value == "rancid");
    CHECK_FALSE(recorded->passed);
    REQUIRE_FALSE(flow.state().lot->problems.empty());
    CHECK(flow.state().lot->problems.front().find("odour") != std::string::npos);
}

TEST_CASE("station: a camera frame becomes a JPEG that decodes back to the same picture") {
    const Image frame = twoColourFrame(64, 48);
    const auto jpeg = encodeJpeg(frame);
    REQUIRE_MESSAGE(jpeg, (jpeg ? "" : jpeg.error().message));
    CHECK(storage::sniffDocumentType(*jpeg) == "jpeg");
    const std::vector<unsigned char> bytes(jpeg->begin(), jpeg->end());
    const cv::Mat decoded = cv::imdecode(bytes, cv::IMREAD_COLOR); // BGR
    REQUIRE(decoded.cols == 64);
    REQUIRE(decoded.rows == 48);
    const auto left = decoded.at<cv::Vec3b>(24, 8), right = decoded.at<cv::Vec3b>(24, 56);
    CHECK(left[2] > 180);  // red stays red...
    CHECK(left[0] < 60);
    CHECK(right[0] > 180); // ...and blue blue: the channels were not swapped
    CHECK(right[2] < 60);
    CHECK_FALSE(encodeJpeg(Image{}));
    CHECK_FALSE(encodeJpeg(Image{4, 4, 1, std::vector<std::uint8_t>(16)}));
    CHECK_FALSE(encodeJpeg(Image{4, 4, 3, std::vector<std::uint8_t>(10)}));
}

TEST_CASE("quality flow: a camera photo and a supplier's PDF go with the inspection, in its transaction") {
    DemoFixture demo;
    TempDir import;
    const std::string coa = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";
    writeFile(import.file("coa-karite.pdf"), coa);
    writeFile(import.file("fake.pdf"), "Dear customer, here is the certificate.");
    writeFile(import.file("notes.txt"), "not a document");
    std::filesystem::create_directory(import.file("old.pdf")); // a folder, whatever its name
    // Larger than the ledger takes: refused without being read.
    { std::ofstream(import.file("video.jpg")).put('x'); }
    std::filesystem::resize_file(import.file("video.jpg"), storage::kMaxAttachmentBytes + 1);

    const std::string lot = demo.demo.quarantinedLots.at(0);
    QualityFlow flow(demo.ledger, import.path());
    flow.apply(quality::Refresh{});
    CHECK(flow.state().importFiles == std::vector<std::string>{"coa-karite.pdf", "fake.pdf", "video.jpg"});
    CHECK(flow.state().importFolder == import.path().string());
    CHECK(flow.apply(quality::AddPhoto{twoColourFrame(32, 24), "Demo camera"}).feedback == FeedbackKind::Refused);

    flow.apply(quality::Open{lot});
    flow.apply(quality::ShowCamera{true});
    CHECK(flow.state().camera);
    // No frame from the camera (none attached, or lost): said, nothing staged.
    const auto blind = flow.apply(quality::AddPhoto{Image{}, "Lost: cannot open camera 0"});
    CHECK(blind.feedback == FeedbackKind::Refused);
    CHECK(blind.message.find("no picture") != std::string::npos);
    CHECK(flow.state().documents.empty());

    const auto photo = flow.apply(quality::AddPhoto{twoColourFrame(320, 240), "Demo camera"});
    CHECK(photo.feedback == FeedbackKind::Accepted);
    CHECK_FALSE(flow.state().camera);
    REQUIRE(flow.state().documents.size() == 1);
    const auto& staged = flow.state().documents[0];
    CHECK(staged.fileName.starts_with("photo-"));
    CHECK(staged.fileName.ends_with(".jpg"));
    CHECK((staged.kind == storage::AttachmentKind::Photo));
    CHECK(staged.origin == "Demo camera");
    CHECK(storage::sniffDocumentType(staged.content) == "jpeg");
    const std::string photoBytes = staged.content;
    flow.apply(quality::AddPhoto{twoColourFrame(320, 240), "Demo camera"}); // a second one in the same second
    REQUIRE(flow.state().documents.size() == 2);
    CHECK(flow.state().documents[1].fileName != flow.state().documents[0].fileName);
    flow.apply(quality::RemoveDocument{1});
    CHECK(flow.state().documents.size() == 1);
    CHECK(flow.unsaved().size() == 1);

    // Only plain names of the import folder; nothing too large is read.
    CHECK(flow.apply(quality::AttachFile{"../demo.db"}).feedback == FeedbackKind::Refused);
    CHECK(flow.apply(quality::AttachFile{"missing.pdf"}).feedback == FeedbackKind::Refused);
    const auto large = flow.apply(quality::AttachFile{"video.jpg"});
    CHECK(large.message.find("over the 16 MB limit") != std::string::npos);
    CHECK(flow.apply(quality::AttachFile{"fake.pdf"}).feedback == FeedbackKind::Accepted);
    CHECK(flow.apply(quality::AttachFile{"fake.pdf"}).feedback == FeedbackKind::Refused); // already on the form

    // Documents need results to go with.
    CHECK(flow.apply(quality::StartSign{SignAction::Inspect}).message.find("documents go with the results") !=
          std::string::npos);
    flow.apply(quality::SetResult{"acid", "3.1"});
    flow.apply(quality::SetResult{"seal", "pass"});
    flow.apply(quality::SetResult{"odour", "nutty"});
    flow.apply(quality::StartSign{SignAction::Inspect});
    // The ledger judges documents by content: a "PDF" that is not one refuses the whole inspection.
    const auto inspectionsBefore = storage::inspectionsOf(demo.ledger, lot).size();
    const auto refused = signAs(flow, "quinn", "3333");
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message.find("fake.pdf") != std::string::npos);
    CHECK(storage::inspectionsOf(demo.ledger, lot).size() == inspectionsBefore);
    CHECK(storage::attachmentsOf(demo.ledger, lot).empty());

    flow.apply(quality::CancelSign{});
    flow.apply(quality::RemoveDocument{1});
    CHECK(flow.apply(quality::AttachFile{"coa-karite.pdf"}).feedback == FeedbackKind::Accepted);
    CHECK((flow.state().documents[1].kind == storage::AttachmentKind::Coa));
    flow.apply(quality::StartSign{SignAction::Inspect});
    CHECK(signAs(flow, "quinn", "3333").message == "Inspection recorded: passed, 2 documents attached");
    CHECK(flow.state().documents.empty());

    const auto inspection = storage::inspectionsOf(demo.ledger, lot).back();
    const auto documents = storage::attachmentsOf(demo.ledger, lot);
    REQUIRE(documents.size() == 2);
    CHECK((documents[0].kind == storage::AttachmentKind::Photo));
    CHECK(documents[0].type == "jpeg");
    CHECK(documents[0].inspection == inspection.id);
    CHECK(documents[0].user == "quinn");
    CHECK(storage::documentContent(demo.ledger, documents[0].sha256).value() == photoBytes);
    CHECK((documents[1].kind == storage::AttachmentKind::Coa));
    CHECK(documents[1].fileName == "coa-karite.pdf");
    CHECK(documents[1].inspection == inspection.id);
    CHECK(storage::documentContent(demo.ledger, documents[1].sha256).value() == coa);
    // The form's record shows them at once.
    CHECK(flow.state().lot->documents.size() == 2);
    CHECK(demo.ledger.verify().value().empty());
}
