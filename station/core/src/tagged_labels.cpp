#include "lotstation/station/tagged_labels.hpp"

#include "lotstation/formats/lot_epc.hpp"
#include "lotstation/labels/render.hpp"
#include "lotstation/storage/lot_tags.hpp"

namespace lotstation::station {

bool writesTags(const labels::LabelTemplate& tmpl, const labels::PrinterTarget& target) {
    return tmpl.rfid.has_value() && labels::sendsZpl(target);
}

Result<TaggedCopies> tagCopies(storage::Ledger& ledger, const labels::LabelTemplate& tmpl,
                               const labels::LotLabelData& lot, int copies, const std::string& user) {
    if (!tmpl.rfid) return fail(ErrorKind::Invalid, "template " + tmpl.name + " writes no RFID tag");
    auto trial = lot;
    trial.tagSerial.assign(1, '1'); // a stand-in (assign: g++ 12 warns wrongly about "1")
    if (auto tried = labels::renderZpl(tmpl, std::vector<labels::LabelContent>{trial}); !tried)
        return fail(tried.error().kind, tried.error().message);
    TaggedCopies out;
    out.tags.user = user;
    for (int i = 0; i < copies; ++i) {
        const storage::TagRequest request{lot.lotCode, formats::toString(tmpl.rfid->scheme), tmpl.rfid->filter,
                                          tmpl.rfid->companyPrefixLength, std::nullopt, user};
        auto tag = storage::tagLot(ledger, request);
        if (!tag) {
            (void)voidTags(ledger, out.tags, "the labels were not printed: " + tag.error().message);
            return std::unexpected(tag.error());
        }
        auto copy = lot;
        copy.tagSerial = tag->serial;
        out.labels.push_back(std::move(copy));
        out.tags.ids.push_back(tag->id);
    }
    return out;
}

std::vector<std::string> voidTags(storage::Ledger& ledger, const TakenTags& tags, const std::string& reason) {
    std::vector<std::string> problems;
    for (const auto& id : tags.ids)
        if (auto voided = storage::voidLotTag(ledger, id, reason, tags.user); !voided)
            problems.push_back("tag " + id + " could not be voided: " + voided.error().message);
    return problems;
}

PreparedJobs tagLabelJobs(storage::Ledger& ledger, PreparedJobs prepared, const labels::TemplateSet& templates,
                          const std::optional<std::string>& user) {
    PreparedJobs out;
    out.failed = std::move(prepared.failed);
    for (auto& job : prepared.jobs) {
        const auto* lot = std::get_if<labels::LotLabelData>(&job.content);
        const auto* tmpl = templates.findTemplate(job.setup.templateName);
        auto target = printsToFolder(job.setup.printer) ? std::nullopt
                                                        : std::optional(labels::parsePrinterTarget(job.setup.printer));
        if (!lot || !tmpl || !target || !*target || !writesTags(*tmpl, **target)) {
            out.jobs.push_back(std::move(job)); // prints as it is (a bad target says so when it prints)
            continue;
        }
        const auto refused = [&](const std::string& why) {
            out.failed.push_back(PrintResult{job.name, false, "Label " + job.name + " not printed: " + why, {}, {}, {}});
        };
        if (!user) {
            refused("log in first: each RFID tag is recorded for the person who prints it");
            continue;
        }
        auto tagged = tagCopies(ledger, *tmpl, *lot, std::max(1, job.copies), *user);
        if (!tagged) {
            refused(tagged.error().message);
            continue;
        }
        for (std::size_t i = 0; i < tagged->labels.size(); ++i)
            out.jobs.push_back(LabelJob{labels::LabelContent{tagged->labels[i]}, 1, job.setup, job.name,
                                        TakenTags{{tagged->tags.ids[i]}, *user}});
    }
    return out;
}

} // namespace lotstation::station
