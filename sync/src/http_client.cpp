#include "http_client.hpp"

#include <httplib.h>

namespace lotstation::sync {
namespace {

std::string detailOf(const wire::Json& body, const std::string& fallback) {
    if (body.is_object()) {
        auto detail = body.find("detail");
        if (detail != body.end() && detail->is_string()) return detail->get<std::string>();
    }
    return fallback;
}

} // namespace

HttpTransport::HttpTransport(std::unique_ptr<httplib::Client> client, std::string token)
    : m_client(std::move(client)), m_token(std::move(token)) {}
HttpTransport::HttpTransport(HttpTransport&&) noexcept = default;
HttpTransport& HttpTransport::operator=(HttpTransport&&) noexcept = default;
HttpTransport::~HttpTransport() = default;

Result<HttpTransport> HttpTransport::create(const ClientOptions& options) {
    const auto& url = options.serverUrl;
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        return fail(ErrorKind::Invalid, "server URL '" + url + "' must start with http:// or https://");
    if (options.token.empty()) return fail(ErrorKind::Invalid, "a station token is needed");
    auto client = std::make_unique<httplib::Client>(url);
    if (!client->is_valid()) return fail(ErrorKind::Invalid, "cannot use server URL '" + url + "'");
    client->set_connection_timeout(std::chrono::seconds(10));
    client->set_read_timeout(options.timeout);
    client->set_write_timeout(options.timeout);
    client->set_keep_alive(true);
    if (options.caCert) client->set_ca_cert_path(options.caCert->string());
    client->enable_server_certificate_verification(options.verifyTls);
    return HttpTransport(std::move(client), options.token);
}

Result<HttpAnswer> HttpTransport::get(const std::string& path) {
    const httplib::Headers headers{{"Authorization", "Bearer " + m_token}};
    auto answer = m_client->Get(path, headers);
    if (!answer)
        return fail(ErrorKind::Unavailable,
                    "no answer from the server: " + httplib::to_string(answer.error()));
    return interpret(path, answer->status, answer->body);
}

Result<HttpAnswer> HttpTransport::post(const std::string& path, const std::string& body) {
    const httplib::Headers headers{{"Authorization", "Bearer " + m_token}};
    auto answer = m_client->Post(path, headers, body, "application/json");
    if (!answer)
        return fail(ErrorKind::Unavailable,
                    "no answer from the server: " + httplib::to_string(answer.error()));
    return interpret(path, answer->status, answer->body);
}

Result<HttpAnswer> HttpTransport::interpret(const std::string& path, int status, const std::string& text) {
    auto body = wire::Json::parse(text, nullptr, false);
    if (status == 200) {
        if (body.is_discarded() || !body.is_object())
            return fail(ErrorKind::Invalid, "the server's answer to " + path + " is not a JSON object");
        return HttpAnswer{status, std::move(body)};
    }
    const auto detail = detailOf(body, "HTTP " + std::to_string(status));
    if (status == 401 || status == 403) return fail(ErrorKind::Unauthorized, "server refused: " + detail);
    if (status == 409) {
        m_conflictBody = body;
        return fail(ErrorKind::Conflict, "server refused our movements: " + detail);
    }
    if (status >= 500) return fail(ErrorKind::Unavailable, "server failed: " + detail);
    return fail(ErrorKind::Refused, "server refused " + path + ": " + detail);
}

} // namespace lotstation::sync
