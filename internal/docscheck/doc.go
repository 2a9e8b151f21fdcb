// Package docscheck holds only tests: they keep partnet's Markdown honest.
// README.md stays within 300 lines; README.md and docs/ never link outside
// the repository; every relative link in any Markdown file of the
// repository points at a file that exists, inside the repository, and at a
// heading that exists when it names one; and the README's Go quick start is
// the code of a tested Example.
package docscheck
