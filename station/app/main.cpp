#include <cstdio>

int main(int argc, char** argv) {
    (void)argc;
    (void)argv;
    std::puts("lotstation: the command line is being built");
    return 0;
}
