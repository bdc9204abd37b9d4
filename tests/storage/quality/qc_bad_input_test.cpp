// The bad input of the quality issue: each refused with a sentence, nothing written.
#include "quality_fixture.hpp"

#include <algorithm>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("quality bad input: each a sentence, nothing written") {
    QualityShop q;
    const auto lot = q.receive("SOAP-OIL", 10'000'000, "OILCO", "OC-X");
    const auto before = q.qualityState();
    auto refused = [&](const Error& error, const std::string& message) {
        CHECK(error.message == message);
        CHECK(q.qualityState() == before);
    };

    // a result outside the spec's type
    refused(q.inspectLot(lot, {{"acid", "abc"}}).error(),
            "acid: 'abc' is not a number (digits, one optional '.'; in %)");
    refused(q.inspectLot(lot, {{"seal", "maybe"}}).error(), "seal: 'maybe' is not pass or fail");
    refused(q.inspectLot(lot, {{"colour", "green"}}).error(), "the spec of SOAP-OIL (version 3) has no test colour");
    // a missing required test
    refused(qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = "4321"}).error(),
            "lot " + lot +
                " cannot be released: test acid has no result; test odour has no result; test seal has no "
                "result. Re-test, or release with a signed deviation and its reason");
    must(q.inspectLot(lot, {{"acid", "0.2"}, {"odour", "mild"}, {"seal", "pass"}}));
    const auto inspected = q.qualityState();
    auto refusedNow = [&](const Error& error, const std::string& message) {
        CHECK(error.message == message);
        CHECK(q.qualityState() == inspected);
    };
    // a wrong PIN (counted toward the lock-out) and a signer without the role
    refusedNow(qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = "0000"}).error(), "wrong user or PIN");
    CHECK(q.scalar("SELECT failures FROM pin_failures WHERE login = 'quinn'") == "1");
    refusedNow(qcRelease(q.l(), {.lot = lot, .signer = "vic", .pin = "9999"}).error(),
               "vic is a supervisor: a QC release or rejection needs the qa role (quality is independent of "
               "production)");
    refusedNow(qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = ""}).error(),
               "a signature needs the signer's PIN, entered now (a badge alone is not a signature)");
    // an attachment too large, or not what its name says
    refusedNow(attach(q.l(), {.subject = lot, .fileName = "photo.png", .content = pngBytes(2048),
                              .kind = AttachmentKind::Photo, .user = "ana", .maxBytes = 1024})
                   .error(),
               "photo.png is 2048 bytes, over the 1 KB limit for documents: nothing was attached");
    refusedNow(attach(q.l(), {.subject = lot, .fileName = "coa.pdf", .content = pngBytes(100), .user = "ana"}).error(),
               "coa.pdf is not a PDF: its content is a png file");
    refusedNow(attach(q.l(), {.subject = lot, .fileName = "coa.pdf", .content = "hello", .user = "ana"}).error(),
               "coa.pdf is not a PDF: its content is not a PDF, PNG or JPEG");
    refusedNow(attach(q.l(), {.subject = lot, .fileName = "notes.txt", .content = "hello", .user = "ana"}).error(),
               "notes.txt: only PDF, PNG and JPEG documents can be attached");
    // releasing a lot that is not in quarantine
    must(qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = "4321"}));
    const auto released = q.qualityState();
    CHECK(qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = "4321"}).error().message ==
          "lot " + lot + " is available, not in quarantine: there is no QC decision to make");
    CHECK(q.qualityState() == released);
    // bad specs
    CHECK(setSpecTest(q.l(), "SOAP-OIL", {.name = "ph", .kind = TestKind::Numeric, .min = "7", .max = "5", .unit = "pH"},
                      "sam")
              .error()
              .message == "test ph: min 7 is above max 5");
    CHECK(setSpecTest(q.l(), "SOAP-OIL", {.name = "ph", .kind = TestKind::Numeric, .min = "x", .unit = "pH"}, "sam")
              .error()
              .message == "min of ph: 'x' is not a number (digits, one optional '.')");
    CHECK(q.qualityState() == released);
}

TEST_CASE("quality: documents are stored once by SHA-256 and read back") {
    QualityShop q;
    const auto lot = q.receive("SOAP-OIL", 1'000'000, "OILCO", "OC-DOC");
    const std::string pdf = "%PDF-1.4\n% a certificate of analysis\n";
    const auto a = must(attach(q.l(), {.subject = lot, .fileName = "coa.PDF", .content = pdf,
                                       .kind = AttachmentKind::Coa, .user = "ana"}));
    CHECK(a.type == "pdf");
    CHECK(a.size == static_cast<std::int64_t>(pdf.size()));
    must(attach(q.l(), {.subject = lot, .fileName = "copy.pdf", .content = pdf, .user = "ana"}));
    const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "jfif";
    const auto inspection = must(inspect(q.l(), {.lot = lot, .results = {{"seal", "pass"}}, .signer = "quinn",
                                                 .pin = "4321",
                                                 .documents = {{.fileName = "seal.jpg", .content = jpeg,
                                                                .kind = AttachmentKind::Photo}}}));
    const auto list = attachmentsOf(q.l(), lot);
    REQUIRE(list.size() == 3);
    CHECK(list[0].sha256 == list[1].sha256);
    CHECK(q.count("blobs") == 2);
    CHECK(list[2].inspection == inspection.id);
    CHECK(list[2].type == "jpeg");
    CHECK(must(documentContent(q.l(), list[0].sha256)) == pdf);
}
