% rebase('layout.tpl', title=heading)
<h1>{{heading}}</h1>
<p role="alert">{{message}}</p>
