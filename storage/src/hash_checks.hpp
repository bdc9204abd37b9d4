#pragma once
// The hashes of a batch of remote movements, checked on a thread of their own while the batch is applied:
// every pulled movement is hashed again, and the apply thread is what a catch-up waits on. The applier asks
// for movement i and waits only if the checker has not got that far (it runs several times faster).
#include "lotstation/storage/ledger.hpp"

#include <atomic>
#include <span>
#include <thread>
#include <vector>

namespace lotstation::storage {

class HashChecks {
  public:
    explicit HashChecks(std::span<const RemoteMovement> remotes);
    ~HashChecks(); // stops the checker and waits for it
    HashChecks(const HashChecks&) = delete;
    HashChecks& operator=(const HashChecks&) = delete;

    // Whether movement `index` of the batch carries the hash of its content.
    [[nodiscard]] bool matches(std::size_t index);

  private:
    void run(const std::stop_token& stop);

    enum : char { kMatches = 1, kDiffers = 2, kUnchecked = 3 };
    std::span<const RemoteMovement> m_remotes;
    std::vector<char> m_results;        // written by the checker before m_done passes the index
    std::atomic<std::size_t> m_done{0}; // results [0, m_done) are there
    std::jthread m_checker;             // last: starts when the rest is ready, stops first
};

} // namespace lotstation::storage
