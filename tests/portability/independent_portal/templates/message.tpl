% rebase('base.tpl', title=heading)
<h1>{{heading}}</h1>
<p>{{text}}</p>
<p><a href="{{link}}">{{link_text}}</a></p>
