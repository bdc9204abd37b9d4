#pragma once
// The station's HTTP(S) transport: JSON requests with the bearer token, answers sorted into the error kinds
// the sync loop branches on.
#include "lotstation/sync/client.hpp"
#include "wire.hpp"

#include <memory>
#include <string>

namespace httplib {
class Client;
}

namespace lotstation::sync {

struct HttpAnswer {
    int status = 0;
    wire::Json body;
};

class HttpTransport {
  public:
    [[nodiscard]] static Result<HttpTransport> create(const ClientOptions& options);
    HttpTransport(HttpTransport&&) noexcept;
    HttpTransport& operator=(HttpTransport&&) noexcept;
    ~HttpTransport();

    // A 200 answer with a JSON object body, or the error: Offline (no answer), Unauthorized (401, 403),
    // SequenceConflict (409, body kept in `conflictBody`), Refused (other 4xx), Offline (5xx), Protocol.
    [[nodiscard]] Result<HttpAnswer> get(const std::string& path);
    [[nodiscard]] Result<HttpAnswer> post(const std::string& path, const std::string& body);

    // The body of the last 409 answer (its acked mark and reason).
    [[nodiscard]] const wire::Json& conflictBody() const { return m_conflictBody; }

  private:
    [[nodiscard]] Result<HttpAnswer> interpret(const std::string& path, int status, const std::string& text);
    HttpTransport(std::unique_ptr<httplib::Client> client, std::string token);
    std::unique_ptr<httplib::Client> m_client;
    std::string m_token;
    wire::Json m_conflictBody;
};

} // namespace lotstation::sync
