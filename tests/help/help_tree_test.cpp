// The help pages written by packaging/gen_help.cpp (KPI_HELP_DIR) and shipped in the .oxt: a page per
// catalog function in both languages with the catalog's texts, every link resolving inside the tree,
// no script and no external URL, and the .oxt carrying the same tree.
#include <kpi/catalog.hpp>
#include <kpi/catalog_text.hpp>
#include <kpi/xml_escape.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path root = KPI_HELP_DIR;
const std::string languages[] = {"en", "vi"};
const std::string topics[] = {"register", "smart", "wizard", "import", "report"};

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The page's text as the generator escapes it (' as &#39; besides xml_escape's four).
std::string html(std::string_view s) {
    std::string out;
    for (char c : kpi::xml_escape(s)) {
        if (c == '\'')
            out += "&#39;";
        else
            out += c;
    }
    return out;
}

std::vector<fs::path> pages() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().extension() == ".html")
            out.push_back(e.path());
    return out;
}

} // namespace

TEST(HelpTree, EveryCatalogFunctionHasAPageInBothLanguages) {
    for (const auto& f : kpi::catalog())
        for (const auto& l : languages) {
            const fs::path page = root / l / ("fn-" + std::string(f.name) + ".html");
            ASSERT_TRUE(fs::is_regular_file(page)) << page;
            const std::string text = read(page);
            EXPECT_NE(text.find("<html lang=\"" + l + "\">"), std::string::npos) << page;
            EXPECT_NE(text.find("<h1>" + html(f.display) + "</h1>"), std::string::npos) << page;
            EXPECT_NE(text.find(html(f.description.in(l))), std::string::npos) << page << ": description";
            EXPECT_NE(text.find(html(f.formula)), std::string::npos) << page << ": formula";
            EXPECT_NE(text.find(html(f.source)), std::string::npos) << page << ": source";
            EXPECT_NE(text.find(html(f.example.substr(0, f.example.find(" ->")))), std::string::npos)
                << page << ": example";
            EXPECT_NE(text.find(html(kpi::error_cases(f, l))), std::string::npos) << page << ": errors";
            for (const auto& p : f.params) {
                EXPECT_NE(text.find("<code>" + html(p.display.in(l)) + "</code>"), std::string::npos)
                    << page << ": argument " << p.name;
                EXPECT_NE(text.find(html(p.description.in(l))), std::string::npos) << page << ": " << p.name;
            }
        }
}

TEST(HelpTree, CplPageInBothLanguages) {
    // Worked out by hand from the catalog's entry for KPI.CPL: spend / leads, leads a divisor.
    const std::string en = read(root / "en" / "fn-CPL.html");
    EXPECT_NE(en.find("<code>KPI.CPL(spend; leads)</code>"), std::string::npos);
    EXPECT_NE(en.find("<code>=KPI.CPL(100;4)</code> gives <code>25</code>"), std::string::npos);
    EXPECT_NE(
        en.find("#DIV/0! when leads = 0. #NUM! when spend &lt; 0, leads &lt; 0 or the result overflows."),
        std::string::npos);
    const std::string vi = read(root / "vi" / "fn-CPL.html");
    EXPECT_NE(vi.find("<code>KPI.CPL(chi phí; số lead)</code>"), std::string::npos);
    EXPECT_NE(vi.find("<code>=KPI.CPL(100;4)</code> cho kết quả <code>25</code>"), std::string::npos);
    EXPECT_NE(
        vi.find("#DIV/0! khi số lead = 0. #NUM! khi chi phí &lt; 0, số lead &lt; 0 hoặc kết quả bị tràn."),
        std::string::npos);
}

TEST(HelpTree, IndexLinksEveryFunctionAndTopic) {
    for (const auto& l : languages) {
        const std::string index = read(root / l / "index.html");
        ASSERT_FALSE(index.empty()) << l;
        for (const auto& f : kpi::catalog())
            EXPECT_NE(index.find("href=\"fn-" + std::string(f.name) + ".html\""), std::string::npos)
                << l << f.name;
        for (const auto& t : topics) {
            EXPECT_NE(index.find("href=\"" + t + ".html\""), std::string::npos) << l << " " << t;
            EXPECT_TRUE(fs::is_regular_file(root / l / (t + ".html"))) << l << " " << t;
        }
    }
}

TEST(HelpTree, EveryLinkResolvesInsideTheTree) {
    const std::regex attribute(R"re(\b(href|src)="([^"]*)")re");
    const fs::path canonical_root = fs::canonical(root);
    int links = 0;
    for (const auto& page : pages()) {
        const std::string text = read(page);
        for (std::sregex_iterator m(text.begin(), text.end(), attribute), end; m != end; ++m) {
            const std::string target = (*m)[2];
            ++links;
            ASSERT_FALSE(target.empty()) << page;
            EXPECT_EQ(target.find(':'), std::string::npos)
                << page << ": " << target << " (a scheme: not inside the tree)";
            EXPECT_NE(target[0], '/') << page << ": " << target;
            const auto hash = target.find('#');
            const std::string file = target.substr(0, hash);
            const fs::path resolved = file.empty() ? page : fs::weakly_canonical(page.parent_path() / file);
            ASSERT_TRUE(fs::is_regular_file(resolved)) << page << ": " << target;
            const auto inside = resolved.lexically_relative(canonical_root);
            EXPECT_FALSE(inside.empty() || *inside.begin() == "..") << page << ": " << target;
            if (hash != std::string::npos) {
                EXPECT_NE(read(resolved).find("id=\"" + target.substr(hash + 1) + "\""), std::string::npos)
                    << page << ": " << target << " (no such anchor)";
            }
        }
    }
    // Per language: the index links every function and topic, every page has its two navigation links.
    const int functions = static_cast<int>(kpi::catalog().size());
    EXPECT_GT(links, 2 * (functions + 5 + 2 * (1 + functions + 5)));
}

TEST(HelpTree, NoScriptNoExternalUrlEveryPageInItsLanguage) {
    int count = 0;
    for (const auto& page : pages()) {
        ++count;
        const std::string text = read(page);
        EXPECT_EQ(text.find("<script"), std::string::npos) << page;
        EXPECT_EQ(text.find("http://"), std::string::npos) << page;
        EXPECT_EQ(text.find("https://"), std::string::npos) << page;
        EXPECT_FALSE(std::regex_search(text, std::regex(R"(\son[a-z]+=)"))) << page << ": an event handler";
        const std::string lang = page.parent_path().filename().string();
        EXPECT_NE(text.find("<html lang=\"" + lang + "\">"), std::string::npos) << page;
        EXPECT_NE(text.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
                  std::string::npos)
            << page;
        EXPECT_NE(text.find("<link rel=\"stylesheet\" href=\"../help.css\">"), std::string::npos) << page;
        // every Markdown construct was converted: no leftover table rows or emphasis markers
        EXPECT_EQ(text.find("\n|"), std::string::npos) << page;
        EXPECT_EQ(text.find("**"), std::string::npos) << page;
    }
    EXPECT_EQ(count, 2 * (1 + static_cast<int>(kpi::catalog().size()) + 5));
}

TEST(HelpTree, VietnameseTopicPagesAreInVietnamese) {
    // Words the Vietnamese sources (docs/vi/*.md) use and the English ones do not.
    const std::pair<std::string, std::string> expected[] = {
        {"register", "Quy tắc liên kết và các mã"}, {"smart", "Tính nhất quán của định nghĩa"},
        {"wizard", "Dùng trình hướng dẫn"},         {"import", "Các tệp xuất được nhận ra"},
        {"report", "Nội dung của báo cáo"},
    };
    for (const auto& [topic, words] : expected) {
        const std::string vi = read(root / "vi" / (topic + ".html"));
        const std::string en = read(root / "en" / (topic + ".html"));
        EXPECT_NE(vi.find(words), std::string::npos) << topic;
        EXPECT_EQ(en.find(words), std::string::npos) << topic;
    }
    // The link codes on the register page in both languages.
    for (const auto& [l, label] : {std::pair<std::string, std::string>{"en", "Code"}, {"vi", "Mã"}}) {
        const std::string page = read(root / l / "register.html");
        for (const char* code :
             {"OK", "DUPLICATE", "NOLEVEL", "BROKEN", "CYCLE", "INVERTED", "UNLINKED", "NOROOT"})
            EXPECT_NE(page.find("<td data-label=\"" + label + "\"><code>" + code + "</code></td>"),
                      std::string::npos)
                << l << code;
    }
}

TEST(HelpTree, TheOxtCarriesTheSameTree) {
    const std::string command =
        std::string("\"") + KPI_CMAKE_COMMAND + "\" -E tar tf \"" + KPI_OXT_PATH + "\"";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::set<std::string> entries;
    char line[4096];
    while (std::fgets(line, sizeof line, pipe)) {
        std::string s(line);
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
            s.pop_back();
        if (s.rfind("./", 0) == 0)
            s = s.substr(2);
        entries.insert(s);
    }
    ASSERT_EQ(pclose(pipe), 0) << command;
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) {
            ++files;
            EXPECT_EQ(entries.count("help/" + e.path().lexically_relative(root).generic_string()), 1u)
                << e.path();
        }
    EXPECT_EQ(files, 1 + 2 * (1 + static_cast<int>(kpi::catalog().size()) + 5)); // help.css and the pages
}
