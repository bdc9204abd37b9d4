// Pulling other stations' movements by cursor. The next page is fetched (HTTP and JSON parsing, on a thread
// of its own) while the current one is applied, so the server's work and the station's overlap. Each page
// and the cursor after it commit in one transaction of the ledger.
#include "sync_steps.hpp"

#include <future>
#include <map>

namespace lotstation::sync {
namespace {

std::string nowText() {
    return storage::formatTimestamp(storage::systemClock()());
}

struct Page {
    std::vector<storage::RemoteMovement> remotes;
    std::string cursor;
    bool more = false;
    bool reset = false;
    std::int64_t remaining = -1; // positions after this page; -1 from a server that does not say
};

Page parsePage(const wire::Json& body) {
    Page page;
    page.reset = body.value("reset", false);
    page.more = body.value("more", false);
    page.remaining = body.value("remaining", std::int64_t{-1});
    page.cursor = wire::stringAt(body, "cursor", "answer");
    std::map<std::string, storage::Lot> lots;
    std::map<std::string, storage::Item> items;
    const auto& lotList = wire::arrayAt(body, "lots", "answer");
    for (std::size_t i = 0; i < lotList.size(); ++i) {
        auto lot = wire::lotFrom(lotList[i], "lots[" + std::to_string(i) + "]");
        lots.emplace(lot.code, std::move(lot));
    }
    const auto& itemList = wire::arrayAt(body, "items", "answer");
    for (std::size_t i = 0; i < itemList.size(); ++i) {
        auto item = wire::itemFrom(itemList[i], "items[" + std::to_string(i) + "]");
        items.emplace(item.sku, std::move(item));
    }
    const auto& list = wire::arrayAt(body, "movements", "answer");
    page.remotes.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        storage::RemoteMovement remote{wire::movementFrom(list[i], "movements[" + std::to_string(i) + "]"),
                                       std::nullopt, std::nullopt};
        if (auto lot = lots.find(remote.movement.lot); lot != lots.end()) {
            remote.lot = lot->second;
            if (auto item = items.find(lot->second.sku); item != items.end()) remote.item = item->second;
        }
        page.remotes.push_back(std::move(remote));
    }
    return page;
}

Result<Page> fetchPage(HttpTransport& http, std::size_t limit, const std::string& cursor) {
    auto path = "/v1/pull?limit=" + std::to_string(limit);
    if (!cursor.empty()) path += "&cursor=" + cursor;
    auto answer = http.get(path);
    if (!answer) return std::unexpected(answer.error());
    try {
        return parsePage(answer->body);
    } catch (const wire::WireError& e) {
        return fail(ErrorKind::Invalid, std::string("the server's pull answer: ") + e.what());
    }
}

} // namespace

Result<void> pullRemote(SyncSession& s) {
    const auto limit = s.options.pullBatch;
    auto fetch = [&s, limit](std::string cursor) { return fetchPage(s.http, limit, cursor); };
    auto pending = std::async(std::launch::async, fetch, s.state.cursor);
    while (true) {
        auto page = pending.get();
        if (!page) return std::unexpected(page.error());
        if (page->reset)
            s.summary.notes.push_back("the server no longer knows our pull position (restored?): reading "
                                      "everything again; what is here already is skipped");
        // The next page travels while this one is applied. Should this one fail, the next is dropped
        // (the future waits for it when it goes out of scope).
        if (page->more) pending = std::async(std::launch::async, fetch, page->cursor);

        // The page and the cursor after it commit in one transaction of the ledger: after a crash the
        // cursor never points past what was applied, nor behind it.
        auto next = s.state;
        next.cursor = page->cursor;
        next.lastContact = nowText();
        auto committed = s.ledger.applyRemoteMovements(
            page->remotes, [&](const storage::ApplyBatchResult& applied) -> storage::Result<void> {
                if (applied.error) return {}; // the good prefix stays; the cursor does not move
                s.store.save(next);
                return {};
            });
        if (!committed)
            return fail(ErrorKind::Io, "cannot apply pulled movements: " + committed.error().message);
        const auto& result = *committed;
        for (auto outcome : result.outcomes)
            (outcome == storage::ApplyOutcome::Applied ? s.summary.pulled : s.summary.pulledPresent) += 1;
        if (result.error) {
            // The cursor stays: the page comes again next time, and what did apply is then skipped.
            return fail(ErrorKind::Io, "cannot apply a pulled movement: " + result.error->message);
        }
        s.state = next;
        if (!page->more) return {};
        if (s.pullProgress) {
            const auto done = s.summary.pulled + s.summary.pulledPresent;
            if (!s.pullProgress(done, page->remaining < 0 ? -1 : done + page->remaining)) {
                s.summary.notes.push_back("pulling stopped when asked, " + std::to_string(page->remaining) +
                                          " position(s) before the end: the next sync goes on from here");
                return {}; // the page in flight is dropped; the cursor is after the last one applied
            }
        }
    }
}

} // namespace lotstation::sync
