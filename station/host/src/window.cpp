#include "window.hpp"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

namespace lotstation::station::ui {

Result<std::unique_ptr<Window>> Window::open(const AppOptions& options) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
        return fail(ErrorKind::Unavailable, std::string("cannot start the display: ") + SDL_GetError());
    std::unique_ptr<Window> window(new Window());
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    // A touch is a click: SDL turns touches into mouse events, which is all ImGui needs.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI |
                                                    (options.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0));
    window->m_window = SDL_CreateWindow("Lotstation", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                        options.windowWidth, options.windowHeight, flags);
    if (!window->m_window) return fail(ErrorKind::Unavailable, std::string("cannot open the window: ") + SDL_GetError());
    window->m_glContext = SDL_GL_CreateContext(window->m_window);
    if (!window->m_glContext)
        return fail(ErrorKind::Unavailable, std::string("cannot start OpenGL 3.0: ") + SDL_GetError());
    SDL_GL_MakeCurrent(window->m_window, window->m_glContext);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    window->m_imgui = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // the layout is fixed; nothing to remember between runs
    io.LogFilename = nullptr;
    if (!ImGui_ImplSDL2_InitForOpenGL(window->m_window, window->m_glContext) ||
        !ImGui_ImplOpenGL3_Init("#version 130"))
        return fail(ErrorKind::Unavailable, std::string("cannot start the ImGui backends"));
    window->m_backends = true;
    return window;
}

Window::~Window() {
    if (m_backends) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
    }
    if (m_imgui) ImGui::DestroyContext();
    if (m_glContext) SDL_GL_DeleteContext(m_glContext);
    if (m_window) SDL_DestroyWindow(m_window);
    SDL_Quit();
}

void Window::drawableSize(int& width, int& height) const {
    SDL_GL_GetDrawableSize(m_window, &width, &height);
}

} // namespace lotstation::station::ui
