// test_locale.cpp - numbers in a language's own way, plural forms from CLDR rules, word order by
// positional values, the template check that the strings check uses, and the pseudo-locale.
// Pure logic (locale.hpp): no ImGui, SDL or App.
#include <doctest/doctest.h>

#include <string>

#include "locale.hpp"

namespace na = neurodrive::app;

namespace {
na::NumberFormat with(const char* decimal, const char* group, const char* plural) {
    na::NumberFormat nf;
    nf.decimal = decimal;
    nf.group = group;
    REQUIRE(na::parse_plural_rule(plural, &nf.plural).empty());
    return nf;
}
}  // namespace

TEST_CASE("plural rules: CLDR's whole-number rules pick the category") {
    const na::NumberFormat en = with(".", ",", "one: n = 1");
    CHECK(en.plural.category(1) == "one");
    CHECK(en.plural.category(0) == "other");
    CHECK(en.plural.category(2) == "other");
    const na::NumberFormat fr = with(",", "\u202f", "one: i = 0,1");
    CHECK(fr.plural.category(0) == "one");
    CHECK(fr.plural.category(1) == "one");
    CHECK(fr.plural.category(2) == "other");
    const na::NumberFormat zh = with(".", ",", "");
    CHECK(zh.plural.category(1) == "other");
    CHECK(zh.plural.names() == std::vector<std::string>{"other"});
    // Russian: the rule a teacher would copy from CLDR's chart (with its samples after @).
    na::PluralRule ru;
    REQUIRE(na::parse_plural_rule("one: v = 0 and i % 10 = 1 and i % 100 != 11 @integer 1, 21; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14; "
                                  "many: v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14", &ru).empty());
    CHECK(ru.category(1) == "one");
    CHECK(ru.category(21) == "one");
    CHECK(ru.category(11) == "many");
    CHECK(ru.category(3) == "few");
    CHECK(ru.category(13) == "many");
    CHECK(ru.category(25) == "many");
    CHECK(ru.names() == std::vector<std::string>{"one", "few", "many", "other"});
}

TEST_CASE("plural rules: a broken rule is refused with the place named") {
    na::PluralRule r;
    CHECK(na::parse_plural_rule("uno: n = 1", &r).find("zero, one, two, few or many") != std::string::npos);
    CHECK(na::parse_plural_rule("one n = 1", &r).find("':'") != std::string::npos);
    CHECK(na::parse_plural_rule("one: n == 1", &r).find("expected a number") != std::string::npos);
    CHECK(na::parse_plural_rule("one: x = 1", &r).find("operand") != std::string::npos);
    CHECK(na::parse_plural_rule("one: n = 1; one: n = 2", &r).find("twice") != std::string::npos);
    CHECK(na::parse_plural_rule("one: n = 3..2", &r).find("range") != std::string::npos);
}

TEST_CASE("numbers: decimal comma, and groups only from five digits on") {
    const na::NumberFormat de = with(",", ".", "one: n = 1");
    const na::NumberFormat en = with(".", ",", "one: n = 1");
    CHECK(na::format_text(de, "%.1f Hz", 4.5) == "4,5 Hz");
    CHECK(na::format_text(en, "%.1f Hz", 4.5) == "4.5 Hz");
    CHECK(na::format_text(de, "%.0f %%", 45.0) == "45 %");
    CHECK(na::format_text(de, "%.1f", 12345.25) == "12.345,2");
    CHECK(na::format_text(de, "%.0f", 1000.0) == "1000");
    CHECK(na::format_text(de, "%d", -123456) == "-123.456");
    CHECK(na::format_text(de, "%g", 0.25) == "0,25");
    CHECK(na::format_number(de, "%.2f", 0.5) == "0,50");
    const na::NumberFormat fr = with(",", "\u202f", "one: i = 0,1");
    CHECK(na::format_text(fr, "%.1f", 12345.0) == "12\u202f345,0");
}

TEST_CASE("templates: word order by positional values, and a wrong conversion never reads the wrong type") {
    const na::NumberFormat en = with(".", ",", "one: n = 1");
    CHECK(na::format_text(en, "%2$s has %1$.0f nM", 42.0, "NAc") == "NAc has 42 nM");
    CHECK(na::format_text(en, "%s then %s", "a", "b") == "a then b");
    // A translator wrote %s for a number, or %d for a real: the value is written as its own kind.
    CHECK(na::format_text(en, "%s Hz", 4.5) == "4.5 Hz");
    CHECK(na::format_text(en, "%d nM", 41.6) == "42 nM");
    CHECK(na::format_text(en, "%.1f!", "text") == "text!");
    // A value that does not exist writes nothing; a lone % or an unknown conversion stays as written.
    CHECK(na::format_text(en, "%s and %s", "one") == "one and ");
    CHECK(na::format_text(en, "50%! %q") == "50%! %q");
    CHECK(na::format_text(en, "{not a plural}") == "{not a plural}");
    char small[8];
    CHECK(std::string(na::format_into(small, en, "%s", "\u00e9\u00e9\u00e9\u00e9")) == "\u00e9\u00e9\u00e9");  // cut at a whole character
}

TEST_CASE("templates: plurals come from the strings, in each language's categories") {
    const na::NumberFormat en = with(".", ",", "one: n = 1");
    const na::NumberFormat fr = with(",", "\u202f", "one: i = 0,1");
    const char* t = "{1, plural, =0 {no finding} one {# finding} other {# findings}} in %2$s";
    CHECK(na::format_text(en, t, 0, "A") == "no finding in A");
    CHECK(na::format_text(en, t, 1, "A") == "1 finding in A");
    CHECK(na::format_text(en, t, 12345, "A") == "12,345 findings in A");
    const char* f = "{1, plural, one {# r\u00e9sultat} other {# r\u00e9sultats}}";
    CHECK(na::format_text(fr, f, 0) == "0 r\u00e9sultat");
    CHECK(na::format_text(fr, f, 2) == "2 r\u00e9sultats");
    CHECK(na::format_text(en, "{2, plural, one {one step of %1$s} other {# steps of %1$s}}", "L", 3) == "3 steps of L");
}

TEST_CASE("template check: the values a template takes, and what a translation may not change") {
    const na::TemplateUse en = na::template_use("%s: %.0f%% of typical (%d)");
    REQUIRE(en.error.empty());
    CHECK(en.args == std::map<int, char>{{1, 's'}, {2, 'f'}, {3, 'd'}});
    std::string why;
    CHECK(na::same_arguments(en, na::template_use("%1$s : %2$.0f %% du typique (%3$d)"), &why));
    CHECK(na::same_arguments(en, na::template_use("(%3$d) %2$.1f%% %1$s"), &why));
    CHECK(!na::same_arguments(en, na::template_use("%s: %.0f%%"), &why));
    CHECK(why.find("missing") != std::string::npos);
    CHECK(!na::same_arguments(en, na::template_use("%s: %.0f%% (%d) %s"), &why));
    CHECK(why.find("added") != std::string::npos);
    CHECK(!na::same_arguments(en, na::template_use("%s: %s%% (%d)"), &why));
    CHECK(why.find("a number in English but a text") != std::string::npos);
    // A count may become a plural.
    CHECK(na::same_arguments(na::template_use("%d findings"), na::template_use("{1, plural, one {# finding} other {# findings}}"), &why));
    CHECK(na::template_use("{1, plural, one {# a} other {# b}}").plural_forms == std::vector<std::vector<std::string>>{{"one", "other"}});
    // Problems a translator can make.
    CHECK(!na::template_use("%1$s and %s").error.empty());
    CHECK(na::template_use("50% off").error.find("%%") != std::string::npos);
    CHECK(!na::template_use("{1, plural, one {# a}}").error.empty());
    CHECK(!na::template_use("{1, plural, one {# a} other {# b}").error.empty());
}

TEST_CASE("pseudo-locale: about 40% longer, accented, bracketed, with every value and plural kept") {
    const std::string en = "VTA firing %.1f hertz, {1, plural, one {# spike} other {# spikes}}.\nNext line";
    const std::string xa = na::pseudo_text(en);
    CHECK(xa.front() == '[');
    CHECK(xa.back() == ']');
    CHECK(xa.find("%.1f") != std::string::npos);
    CHECK(xa.find('\n') != std::string::npos);
    CHECK(xa.find("VTA") == std::string::npos);  // letters are accented
    std::string why;
    CHECK(na::same_arguments(na::template_use(en), na::template_use(xa), &why));
    auto code_points = [](const std::string& s) { std::size_t n = 0; for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80; return n; };
    CHECK(code_points(xa) >= code_points(en) * 135 / 100);
    CHECK(code_points(na::pseudo_text("OK")) >= 5);
    CHECK(na::pseudo_text("").empty());
}

TEST_CASE("line breaks: between words, and in Chinese between characters but never before closing punctuation") {
    auto texts = [](const char* t) {
        std::vector<std::string> out;
        for (const auto& p : na::wrap_pieces(t)) out.push_back((p.space_before ? "_" : "") + p.text);
        return out;
    };
    CHECK(texts("Drive is 4.5 Hz.") == std::vector<std::string>{"Drive", "_is", "_4.5", "_Hz."});
    CHECK(texts("\u591a\u5df4\u80fa\uff0c\u5347\u9ad8\u3002") == std::vector<std::string>{"\u591a", "\u5df4", "\u80fa\uff0c", "\u5347", "\u9ad8\u3002"});
    CHECK(texts("VTA \u653e\u7535\uff08Hz\uff09") == std::vector<std::string>{"VTA", "_\u653e", "\u7535", "\uff08Hz\uff09"});
    CHECK(na::utf8_prefix("\u00e9\u00e9", 3) == 2);
    CHECK(na::utf8_prefix("ab", 5) == 2);
}
