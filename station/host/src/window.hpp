#pragma once
// The SDL2 window with its OpenGL 3.0 context and the Dear ImGui context and backends, set up and torn down
// in the canonical order. GL 3.0 / GLSL 130 runs on Mesa's software renderer, so the app works under Xvfb.
#include "lotstation/station/app_options.hpp"

#include "lotstation/core/error.hpp"
#include <memory>
#include <string>

struct SDL_Window;

namespace lotstation::station::ui {

class Window {
  public:
    [[nodiscard]] static Result<std::unique_ptr<Window>> open(const AppOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] SDL_Window* handle() const { return m_window; }
    void drawableSize(int& width, int& height) const;

  private:
    Window() = default;
    SDL_Window* m_window = nullptr;
    void* m_glContext = nullptr;
    bool m_imgui = false;
    bool m_backends = false;
};

} // namespace lotstation::station::ui
