// no_default_font.cpp - keeps Dear ImGui's built-in ProggyClean font out of the browser build (about
// 11 KB gzip of the page's download). ImFontAtlas::GetTexDataAsAlpha8() calls AddFontDefault() when no
// font was added, so the linker keeps the font's data although NeuroDrive always adds its own fonts
// first (app::ensure_fonts). The web link wraps that one function (-Wl,--wrap=..., src/app/CMakeLists.txt)
// with this stub, which adds nothing: the original and its data are then unreferenced and dropped.
// Browser build only; no ImGui header needed (the symbol is ImFontAtlas::AddFontDefault(const ImFontConfig*)).
struct ImFont;
struct ImFontConfig;

extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(void* /*atlas*/, const ImFontConfig* /*config*/) {
    return nullptr;
}
