#include "host_media.hpp"

#include "lotstation/station/tones.hpp"

#include <SDL.h>
#include <SDL_opengl.h>

#include "lotstation/station/display_check.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <cstdint>

namespace lotstation::station::ui {

PreviewTexture::~PreviewTexture() {
    if (m_texture != 0) {
        const GLuint texture = m_texture;
        glDeleteTextures(1, &texture);
    }
}

void PreviewTexture::uploadVersion(const Image& frame, std::uint64_t version) {
    if (m_version == version && m_texture != 0) return;
    upload(frame);
    m_version = version;
}

void PreviewTexture::upload(const Image& frame) {
    m_version.reset();
    if (frame.empty() || (frame.channels != 3 && frame.channels != 4)) return;
    const GLenum format = frame.channels == 4 ? GL_RGBA : GL_RGB;
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (m_texture == 0) {
        GLuint texture = 0;
        glGenTextures(1, &texture);
        m_texture = texture;
        glBindTexture(GL_TEXTURE_2D, m_texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glBindTexture(GL_TEXTURE_2D, m_texture);
    if (frame.width != m_width || frame.height != m_height || frame.channels != m_channels) {
        glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(format), frame.width, frame.height, 0, format,
                     GL_UNSIGNED_BYTE, frame.pixels.data());
        m_width = frame.width;
        m_height = frame.height;
        m_channels = frame.channels;
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, frame.width, frame.height, format, GL_UNSIGNED_BYTE,
                        frame.pixels.data());
    }
}

ImTextureID PreviewTexture::id() const {
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_texture));
}

Result<Image> captureBackBuffer(int width, int height) {
    if (width <= 0 || height <= 0) return fail(ErrorKind::Io, "the window has no size");
    Image image{width, height, 3, {}};
    image.pixels.resize(image.rowBytes() * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, image.pixels.data());
    if (glGetError() != GL_NO_ERROR) return fail(ErrorKind::Io, "reading the back buffer failed");
    // OpenGL's rows start at the bottom; PNG's at the top.
    const std::size_t row = image.rowBytes();
    std::vector<std::uint8_t> swap(row);
    for (int y = 0; y < height / 2; ++y) {
        auto* a = image.pixels.data() + static_cast<std::size_t>(y) * row;
        auto* b = image.pixels.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::copy(a, a + row, swap.data());
        std::copy(b, b + row, a);
        std::copy(swap.data(), swap.data() + row, b);
    }
    return image;
}

TonePlayer::TonePlayer() {
    // Without a sound system SDL's ALSA backend would print a dozen lines of complaints: one quiet note.
    const auto exists = [](const std::string& path) {
        std::error_code ignored;
        return std::filesystem::exists(path, ignored);
    };
    if (!soundLikely([](const char* name) { return std::getenv(name); }, exists)) {
        std::printf("no sound card: scans flash without a tone\n");
        return;
    }
    if (SDL_WasInit(SDL_INIT_AUDIO) == 0) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return; // no sound system: the flashes still work
        m_ownsSubsystem = true;
    }
    SDL_AudioSpec want{};
    want.freq = m_rate;
    want.format = AUDIO_F32SYS;
    want.channels = 1;
    want.samples = 1024;
    SDL_AudioSpec have{};
    m_device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0); // SDL converts if the device differs
    if (m_device != 0) SDL_PauseAudioDevice(m_device, 0);
}

TonePlayer::~TonePlayer() {
    if (m_device != 0) SDL_CloseAudioDevice(m_device);
    if (m_ownsSubsystem) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void TonePlayer::play(FeedbackKind kind) {
    if (m_device == 0) return;
    const std::vector<float> samples = feedbackTone(kind, m_rate);
    SDL_ClearQueuedAudio(m_device);
    SDL_QueueAudio(m_device, samples.data(), static_cast<Uint32>(samples.size() * sizeof(float)));
}

} // namespace lotstation::station::ui
