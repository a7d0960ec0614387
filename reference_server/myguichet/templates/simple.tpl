% rebase("layout.tpl", title=heading)
<h1>{{heading}}</h1>
% for paragraph in paragraphs:
<p>{{paragraph}}</p>
% end
