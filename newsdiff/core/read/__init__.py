"""Files -> Article: find a folder's articles, decode any encoding, extract the main text and title of saved
web pages and Word files; a file that cannot be read raises ArticleError naming why."""
