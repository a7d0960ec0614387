% rebase('layout.tpl', title=heading)
<h1>{{heading}}</h1>
% for paragraph in paragraphs:
<p>{{paragraph}}</p>
% end
% if links:
<ul class="choices">
  % for label, href in links:
  <li><a href="{{href}}">{{label}}</a></li>
  % end
</ul>
% end
