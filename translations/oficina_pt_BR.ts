<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Eigen</name>
    <message>
        <source>agglomerative clustering handles at most %1 rows (it keeps all pairwise distances); this data has %2: sample it or use K-Means</source>
        <translation>o agrupamento aglomerativo aceita no máximo %1 linhas (ele guarda todas as distâncias entre pares); estes dados têm %2: use uma amostra ou o K-Means</translation>
    </message>
    <message>
        <source>agglomerative clustering needs at least two rows and one numeric feature column</source>
        <translation>o agrupamento aglomerativo precisa de pelo menos duas linhas e uma coluna de atributo numérica</translation>
    </message>
    <message>
        <source>the data has missing or infinite values; impute or drop them first</source>
        <translation>os dados têm valores ausentes ou infinitos; faça a imputação ou descarte-os antes</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; is categorical; a regression model needs a numeric target (use a classifier)</source>
        <translation>a coluna-alvo &apos;%1&apos; é categórica; um modelo de regressão precisa de um alvo numérico (use um classificador)</translation>
    </message>
    <message>
        <source>there are no rows to train on</source>
        <translation>não há linhas para treinar</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; has %2 missing values; drop those rows before training</source>
        <translation>a coluna-alvo &apos;%1&apos; tem %2 valores ausentes; descarte essas linhas antes do treinamento</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; has infinite values</source>
        <translation>a coluna-alvo &apos;%1&apos; tem valores infinitos</translation>
    </message>
    <message>
        <source>the data has no feature columns to cluster</source>
        <translation>os dados não têm colunas de atributos para agrupar</translation>
    </message>
    <message>
        <source>expected one or more rows of one or more features</source>
        <translation>esperava-se uma ou mais linhas de um ou mais atributos</translation>
    </message>
    <message>
        <source>the rows hold missing or infinite values</source>
        <translation>as linhas contêm valores ausentes ou infinitos</translation>
    </message>
</context>
<context>
    <name>ExampleCatalog</name>
    <message>
        <source>Supervised learning</source>
        <translation>Aprendizado supervisionado</translation>
    </message>
    <message>
        <source>Unsupervised learning</source>
        <translation>Aprendizado não supervisionado</translation>
    </message>
    <message>
        <source>Preparing data</source>
        <translation>Preparação dos dados</translation>
    </message>
    <message>
        <source>Neural networks</source>
        <translation>Redes neurais</translation>
    </message>
    <message>
        <source>Iris: a first classifier</source>
        <translation>Iris: um primeiro classificador</translation>
    </message>
    <message>
        <source>Split the flowers into training and test rows, scale them, train a logistic regression and score it on rows it never saw.</source>
        <translation>Separe as flores em linhas de treino e de teste, padronize-as, treine uma regressão logística e avalie-a em linhas que ela nunca viu.</translation>
    </message>
    <message>
        <source>Iris: logistic regression vs decision tree</source>
        <translation>Iris: regressão logística vs. árvore de decisão</translation>
    </message>
    <message>
        <source>Wine: clusters vs classes</source>
        <translation>Vinhos: grupos vs. classes</translation>
    </message>
    <message>
        <source>K-Means groups the wines without seeing their cultivar, a classifier learns it from the labels: the same projection coloured both ways, with their agreement.</source>
        <translation>O K-Means agrupa os vinhos sem ver a sua cultivar, um classificador a aprende a partir dos rótulos: a mesma projeção colorida das duas formas, com a concordância entre elas.</translation>
    </message>
    <message>
        <source>Iris: K-Means clustering</source>
        <translation>Iris: agrupamento com K-Means</translation>
    </message>
    <message>
        <source>Find three groups of flowers from their measurements alone, and measure how compact and separate the groups are.</source>
        <translation>Encontre três grupos de flores só pelas medidas e meça quão compactos e separados os grupos são.</translation>
    </message>
    <message>
        <source>Diabetes: regression and residuals</source>
        <translation>Diabetes: regressão e resíduos</translation>
    </message>
    <message>
        <source>Predict disease progression with a ridge regression; the residual plot shows where the model is wrong and by how much.</source>
        <translation>Preveja a progressão da doença com uma regressão ridge; o gráfico de resíduos mostra onde o modelo erra e por quanto.</translation>
    </message>
    <message>
        <source>Breast cancer: cross-validation and ONNX export</source>
        <translation>Câncer de mama: validação cruzada e exportação ONNX</translation>
    </message>
    <message>
        <source>Messy data: cleaning before learning</source>
        <translation>Dados bagunçados: limpar antes de aprender</translation>
    </message>
    <message>
        <source>Digits: a convolutional network</source>
        <translation>Dígitos: uma rede convolucional</translation>
    </message>
    <message>
        <source>A small CNN reads 8×8 images of handwritten digits; watch the loss curve fall while it trains.</source>
        <translation>Uma pequena CNN lê imagens 8×8 de dígitos manuscritos; veja a curva de perda cair durante o treino.</translation>
    </message>
    <message>
        <source>Sunspots: forecasting with an LSTM</source>
        <translation>Manchas solares: previsão com uma LSTM</translation>
    </message>
    <message>
        <source>Windows of past years feed a recurrent network that forecasts next year&apos;s sunspot number, scored against the naive &apos;same as this year&apos; forecast.</source>
        <translation>Janelas de anos passados alimentam uma rede recorrente que prevê o número de manchas solares do ano seguinte, comparada com a previsão ingênua &quot;igual a este ano&quot;.</translation>
    </message>
    <message>
        <source>Estimate a logistic regression&apos;s accuracy with 5-fold cross-validation, test it once on held-out rows, and export the trained pipeline (scaler and model) to breast_cancer.onnx in your Documents folder, ready for ONNX Runtime.</source>
        <translation>Estime a acurácia de uma regressão logística com validação cruzada em 5 partes, teste-a uma vez em linhas reservadas e exporte o pipeline treinado (padronização e modelo) para breast_cancer.onnx na sua pasta Documentos, pronto para o ONNX Runtime.</translation>
    </message>
    <message>
        <source>A careless export of the Wine data: remove duplicated rows and rows with mistyped values, fill missing cells and encode a categorical column, then train a classifier.</source>
        <translation>Uma exportação descuidada dos dados de vinhos: remova linhas duplicadas e linhas com valores digitados errado, preencha células ausentes e codifique uma coluna categórica; depois treine um classificador.</translation>
    </message>
    <message>
        <source>Two algorithms learn from the same rows; their cross-validated scores side by side and their scores on the test rows show which model to trust, and a validation curve shows the tree depth past which it memorises instead of learning.</source>
        <translation>Dois algoritmos aprendem com as mesmas linhas; as pontuações da validação cruzada lado a lado e as pontuações nas linhas de teste mostram em qual modelo confiar, e uma curva de validação mostra a profundidade da árvore a partir da qual ela memoriza em vez de aprender.</translation>
    </message>
    <message>
        <source>Breast cancer biopsies</source>
        <translation>Biópsias de câncer de mama</translation>
    </message>
    <message>
        <source>CNN on 8×8 images</source>
        <translation>CNN em imagens 8×8</translation>
    </message>
    <message>
        <source>Compare on 5 folds</source>
        <translation>Comparar em 5 partes</translation>
    </message>
    <message>
        <source>Diabetes patients</source>
        <translation>Pacientes com diabetes</translation>
    </message>
    <message>
        <source>Drop mistyped magnesium</source>
        <translation>Descartar magnésio digitado errado</translation>
    </message>
    <message>
        <source>Fill colour (most frequent)</source>
        <translation>Preencher cor (mais frequente)</translation>
    </message>
    <message>
        <source>Fill numbers (median)</source>
        <translation>Preencher números (mediana)</translation>
    </message>
    <message>
        <source>Handwritten digits</source>
        <translation>Dígitos manuscritos</translation>
    </message>
    <message>
        <source>How deep should the tree be?</source>
        <translation>Quão profunda deve ser a árvore?</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>Flores íris</translation>
    </message>
    <message>
        <source>K-Means (labels hidden)</source>
        <translation>K-Means (rótulos ocultos)</translation>
    </message>
    <message>
        <source>LSTM forecast</source>
        <translation>Previsão com LSTM</translation>
    </message>
    <message>
        <source>Last 12 years</source>
        <translation>Últimos 12 anos</translation>
    </message>
    <message>
        <source>Last fifth for testing</source>
        <translation>Último quinto para teste</translation>
    </message>
    <message>
        <source>Logistic regression (labels used)</source>
        <translation>Regressão logística (usa os rótulos)</translation>
    </message>
    <message>
        <source>Logistic regression on the test rows</source>
        <translation>Regressão logística nas linhas de teste</translation>
    </message>
    <message>
        <source>Messy wine export</source>
        <translation>Exportação bagunçada de vinhos</translation>
    </message>
    <message>
        <source>Tree on the test rows</source>
        <translation>Árvore nas linhas de teste</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Vinho</translation>
    </message>
    <message>
        <source>Yearly sunspots</source>
        <translation>Manchas solares por ano</translation>
    </message>
</context>
<context>
    <name>MetricNames</name>
    <message>
        <source>%1, mean</source>
        <translation>%1, média</translation>
    </message>
    <message>
        <source>%1, std</source>
        <translation>%1, desvio padrão</translation>
    </message>
</context>
<context>
    <name>NodeOutputsView</name>
    <message>
        <source>Metric</source>
        <translation>Métrica</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Pontuações</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matriz de confusão</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>Resíduos</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variância</translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>Dendrograma</translation>
    </message>
    <message>
        <source>suggested k = %1</source>
        <translation>k sugerido = %1</translation>
    </message>
    <message>
        <source>k scores</source>
        <translation>pontuações de k</translation>
    </message>
    <message>
        <source>suggested eps = %1</source>
        <translation>eps sugerido = %1</translation>
    </message>
    <message>
        <source>k-distance</source>
        <translation>k-distância</translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation>Curva de aprendizado</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Predicts: %1</source>
        <translation>Prevê: %1</translation>
    </message>
    <message>
        <source>Features (%1): %2</source>
        <translation>Atributos (%1): %2</translation>
    </message>
    <message>
        <source>Preprocessing: %1</source>
        <translation>Pré-processamento: %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Importances</source>
        <translation>Importâncias</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>Fronteira de decisão</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>Precisão–revocação</translation>
    </message>
    <message>
        <source>Per fold</source>
        <translation>Por parte (fold)</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparação</translation>
    </message>
    <message>
        <source>The suggestion is the k with the best silhouette: the most compact, best separated groups. Groups you know of, such as classes in the labels, need not be those, so another k can be the right one for your question.</source>
        <translation>A sugestão é o k com a melhor silhueta: os grupos mais compactos e mais separados. Grupos que você conhece, como as classes dos rótulos, não precisam ser esses; por isso outro k pode ser o certo para a sua pergunta.</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Experimentar</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regra</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation>✓ aprovada</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ reprovada</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>Gates</translation>
    </message>
</context>
<context>
    <name>PortItem</name>
    <message>
        <source>table</source>
        <translation>tabela</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>métricas</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <source>output</source>
        <translation>saída</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>Rows and columns of data.</source>
        <translation>Linhas e colunas de dados.</translation>
    </message>
    <message>
        <source>A trained model, with the steps that prepared its training data.</source>
        <translation>Um modelo treinado, com as etapas que prepararam seus dados de treino.</translation>
    </message>
    <message>
        <source>Scores, tables and curves of an evaluation.</source>
        <translation>Pontuações, tabelas e curvas de uma avaliação.</translation>
    </message>
    <message>
        <source>Drag it to a %1 input; an output may feed several nodes.</source>
        <translation>Arraste-a até uma entrada de %1; uma saída pode alimentar vários nós.</translation>
    </message>
    <message>
        <source>Takes one link, from a %1 output: drag one here.</source>
        <translation>Recebe uma ligação, de uma saída de %1: arraste uma até aqui.</translation>
    </message>
</context>
<context>
    <name>RunDetails</name>
    <message>
        <source>Run #%1</source>
        <translation>Execução #%1</translation>
    </message>
    <message>
        <source>Failed at node %1: %2</source>
        <translation>Falhou no nó %1: %2</translation>
    </message>
    <message>
        <source>The program recording this run ended before the run did (it crashed or was killed).</source>
        <translation>O programa que registrava esta execução terminou antes dela (travou ou foi encerrado à força).</translation>
    </message>
    <message>
        <source>A re-run on the same data gives the same numbers.</source>
        <translation>Executar de novo com os mesmos dados dá os mesmos números.</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>Pipeline:</translation>
    </message>
    <message>
        <source>unsaved (%1)</source>
        <translation>não salvo (%1)</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Início:</translation>
    </message>
    <message>
        <source>Took:</source>
        <translation>Duração:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Origem:</translation>
    </message>
    <message>
        <source>oficina-cli</source>
        <translation>oficina-cli</translation>
    </message>
    <message>
        <source>the editor</source>
        <translation>o editor</translation>
    </message>
    <message>
        <source>Overrides:</source>
        <translation>Substituições:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Etiquetas:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <source>Data files</source>
        <translation>Arquivos de dados</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 linhas × %2 colunas</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefatos</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versões:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Oficina machine-learning workbench</source>
        <translation>Oficina, bancada de trabalho de aprendizado de máquina</translation>
    </message>
    <message>
        <source>Pipeline file to open</source>
        <translation>Arquivo de pipeline a abrir</translation>
    </message>
    <message>
        <source>Run the pipeline once it is open</source>
        <translation>Executar o pipeline assim que for aberto</translation>
    </message>
    <message>
        <source>Select a node (its properties and outputs are shown)</source>
        <translation>Selecione um nó (suas propriedades e saídas são mostradas)</translation>
    </message>
    <message>
        <source>node</source>
        <translation>nó</translation>
    </message>
    <message>
        <source>After the run, bring the selected node&apos;s output view of this kind to the front (e.g. LossChart, ScatterPlot, ConfusionMatrixView)</source>
        <translation>Depois da execução, trazer para a frente a visualização deste tipo na saída do nó selecionado (p. ex. LossChart, ScatterPlot, ConfusionMatrixView)</translation>
    </message>
    <message>
        <source>view</source>
        <translation>visualização</translation>
    </message>
    <message>
        <source>Start in presentation mode (View &gt; Presentation)</source>
        <translation>Começar no modo de apresentação (Exibir &gt; Apresentação)</translation>
    </message>
</context>
<context>
    <name>nn</name>
    <message>
        <source>the trained network has no weight &apos;%1&apos;</source>
        <translation>a rede treinada não tem o peso &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>oficina::core</name>
    <message>
        <source>column %1 has no name; it was named &apos;%2&apos;</source>
        <translation>a coluna %1 não tem nome; ela recebeu o nome &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the column name &apos;%1&apos; appears more than once; column %2 was renamed &apos;%3&apos;</source>
        <translation>o nome de coluna &apos;%1&apos; aparece mais de uma vez; a coluna %2 foi renomeada para &apos;%3&apos;</translation>
    </message>
    <message>
        <source>the lines end with a delimiter; the empty last column was dropped</source>
        <translation>as linhas terminam com um delimitador; a última coluna, vazia, foi descartada</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; was read as text: line %2 has &apos;%3&apos;, which is not a number</source>
        <translation>a coluna &apos;%1&apos; foi lida como texto: a linha %2 contém &apos;%3&apos;, que não é um número</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; has %2 missing values; drop those rows before training</source>
        <translation>a coluna-alvo &apos;%1&apos; tem %2 valores ausentes; descarte essas linhas antes do treinamento</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; has non-integer values such as %2; classification needs class labels, so use a regression model for a numeric target</source>
        <translation>a coluna-alvo &apos;%1&apos; tem valores não inteiros, como %2; a classificação precisa de rótulos de classe, então use um modelo de regressão para um alvo numérico</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>Iris</translation>
    </message>
    <message>
        <source>150 flowers, 4 measurements (cm); classify the species (3 classes).</source>
        <translation>150 flores, 4 medidas (cm); classifique a espécie (3 classes).</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Vinho</translation>
    </message>
    <message>
        <source>178 wines, 13 chemical measurements; classify the cultivar (3 classes).</source>
        <translation>178 vinhos, 13 medidas químicas; classifique o cultivar (3 classes).</translation>
    </message>
    <message>
        <source>Breast cancer (Wisconsin diagnostic)</source>
        <translation>Câncer de mama (diagnóstico de Wisconsin)</translation>
    </message>
    <message>
        <source>569 tumours, 30 cell-nucleus features; classify malignant or benign.</source>
        <translation>569 tumores, 30 atributos do núcleo celular; classifique como maligno ou benigno.</translation>
    </message>
    <message>
        <source>Diabetes</source>
        <translation>Diabetes</translation>
    </message>
    <message>
        <source>442 patients, 10 baseline variables; predict disease progression after one year (regression).</source>
        <translation>442 pacientes, 10 variáveis basais; preveja a progressão da doença após um ano (regressão).</translation>
    </message>
    <message>
        <source>Handwritten digits (8×8)</source>
        <translation>Dígitos manuscritos (8×8)</translation>
    </message>
    <message>
        <source>1,797 images of 8×8 pixels (0–16); classify the digit (10 classes).</source>
        <translation>1.797 imagens de 8×8 pixels (0–16); classifique o dígito (10 classes).</translation>
    </message>
    <message>
        <source>Linnerud</source>
        <translation>Linnerud</translation>
    </message>
    <message>
        <source>20 men: 3 exercise counts and 3 physiological measurements (multi-output regression; the pulse is the default target).</source>
        <translation>20 homens: 3 contagens de exercícios e 3 medidas fisiológicas (regressão com múltiplas saídas; a pulsação é o alvo padrão).</translation>
    </message>
    <message>
        <source>Sunspots</source>
        <translation>Manchas solares</translation>
    </message>
    <message>
        <source>Yearly Wolf sunspot numbers 1700–2008 (time series).</source>
        <translation>Número de Wolf anual de manchas solares, 1700–2008 (série temporal).</translation>
    </message>
    <message>
        <source>Mauna Loa CO₂</source>
        <translation>CO₂ de Mauna Loa</translation>
    </message>
    <message>
        <source>Weekly atmospheric CO₂ (ppm) 1958–2001 with gaps (time series with missing values).</source>
        <translation>CO₂ atmosférico semanal (ppm), 1958–2001, com lacunas (série temporal com valores ausentes).</translation>
    </message>
    <message>
        <source>the test fraction must be greater than 0 and less than 1, got %1</source>
        <translation>a fração de teste deve ser maior que 0 e menor que 1, não %1</translation>
    </message>
    <message>
        <source>with %1 rows and a test fraction of %2 the training set would be empty</source>
        <translation>com %1 linhas e uma fração de teste de %2, o conjunto de treinamento ficaria vazio</translation>
    </message>
    <message>
        <source>the class label of row %1 is missing; a stratified split needs every label</source>
        <translation>o rótulo de classe da linha %1 está ausente; uma divisão estratificada precisa de todos os rótulos</translation>
    </message>
    <message>
        <source>k-fold cross-validation needs at least 2 folds, got %1</source>
        <translation>a validação cruzada k-fold precisa de pelo menos 2 partições, não %1</translation>
    </message>
    <message>
        <source>cannot make %1 folds from %2 rows</source>
        <translation>não é possível criar %1 partições a partir de %2 linhas</translation>
    </message>
    <message>
        <source>the least populated class has only 1 row; a stratified split needs at least 2 rows per class</source>
        <translation>a classe menos populosa tem apenas 1 linha; uma divisão estratificada precisa de pelo menos 2 linhas por classe</translation>
    </message>
    <message>
        <source>the training set would have %1 rows, fewer than the %2 classes; lower the test fraction</source>
        <translation>o conjunto de treinamento teria %1 linhas, menos que as %2 classes; diminua a fração de teste</translation>
    </message>
    <message>
        <source>the test set would have %1 rows, fewer than the %2 classes; raise the test fraction</source>
        <translation>o conjunto de teste teria %1 linhas, menos que as %2 classes; aumente a fração de teste</translation>
    </message>
    <message>
        <source>%1 folds are more than the number of rows of every class</source>
        <translation>%1 partições são mais do que o número de linhas de cada classe</translation>
    </message>
    <message>
        <source>the smallest class has fewer rows (%1) than there are folds (%2)</source>
        <translation>a menor classe tem menos linhas (%1) do que o número de partições (%2)</translation>
    </message>
    <message>
        <source>class index %1 is outside the %2 known classes</source>
        <translation>o índice de classe %1 está fora das %2 classes conhecidas</translation>
    </message>
    <message>
        <source>%1 true labels but %2 predictions</source>
        <translation>%1 rótulos verdadeiros, mas %2 previsões</translation>
    </message>
    <message>
        <source>there are no rows to evaluate</source>
        <translation>não há linhas para avaliar</translation>
    </message>
    <message>
        <source>C must be a positive number, not %1</source>
        <translation>C deve ser um número positivo, não %1</translation>
    </message>
    <message>
        <source>tol must not be negative, not %1</source>
        <translation>tol deve ser maior ou igual a zero, não %1</translation>
    </message>
    <message>
        <source>max_iter must not be negative, not %1</source>
        <translation>max_iter deve ser maior ou igual a zero, não %1</translation>
    </message>
    <message>
        <source>there are no rows to train on</source>
        <translation>não há linhas para treinar</translation>
    </message>
    <message>
        <source>%1 target values for %2 rows</source>
        <translation>%1 valores de alvo para %2 linhas</translation>
    </message>
    <message>
        <source>the features have missing or infinite values</source>
        <translation>os atributos têm valores ausentes ou infinitos</translation>
    </message>
    <message>
        <source>class index %1 is outside the %2 classes</source>
        <translation>o índice de classe %1 está fora das %2 classes</translation>
    </message>
    <message>
        <source>the target has only one class &apos;%1&apos;; classification needs at least two</source>
        <translation>o alvo tem apenas uma classe, &apos;%1&apos;; a classificação precisa de pelo menos duas</translation>
    </message>
    <message>
        <source>logistic regression stopped after %1 iterations without converging: the line search could not reduce the loss further; scale the features</source>
        <translation>a regressão logística parou após %1 iterações sem convergir: a busca linear não conseguiu reduzir mais a perda; padronize os atributos</translation>
    </message>
    <message>
        <source>logistic regression did not converge in %1 iterations; increase max_iter or scale the features</source>
        <translation>a regressão logística não convergiu em %1 iterações; aumente max_iter ou padronize os atributos</translation>
    </message>
    <message>
        <source>unknown sample dataset &apos;%1&apos;</source>
        <translation>conjunto de dados de exemplo desconhecido: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the sample datasets were not found; set OFICINA_SHARE_DIR to Oficina&apos;s share folder</source>
        <translation>os conjuntos de dados de exemplo não foram encontrados; defina OFICINA_SHARE_DIR como a pasta share do Oficina</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; cannot be both a feature and the target</source>
        <translation>a coluna &apos;%1&apos; não pode ser ao mesmo tempo atributo e alvo</translation>
    </message>
    <message>
        <source>no feature columns are left</source>
        <translation>não restou nenhuma coluna de atributo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was fitted before this split, so it has seen the test rows (data leakage); move it after the split</source>
        <translation>&apos;%1&apos; foi ajustado antes desta divisão e, por isso, já viu as linhas de teste (vazamento de dados); mova-o para depois da divisão</translation>
    </message>
    <message>
        <source>a stratified split needs a target column; set one in &apos;Select columns &amp; set target&apos;</source>
        <translation>uma divisão estratificada precisa de uma coluna-alvo; defina-a em &apos;Selecionar colunas e definir alvo&apos;</translation>
    </message>
    <message>
        <source>Load file</source>
        <translation>Carregar arquivo</translation>
    </message>
    <message>
        <source>Reads a CSV, TSV or ARFF file. Delimiter, decimal separator, header and column types are detected; every problem is reported with its line and column.</source>
        <translation>Lê um arquivo CSV, TSV ou ARFF. O delimitador, o separador decimal, o cabeçalho e os tipos das colunas são detectados; cada problema é relatado com sua linha e coluna.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff)</source>
        <translation>Arquivos de dados (*.csv *.tsv *.txt *.arff)</translation>
    </message>
    <message>
        <source>CSV/TSV (any of , ; tab |) or Weka ARFF file</source>
        <translation>Arquivo CSV/TSV (qualquer um de , ; tab |) ou ARFF do Weka</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Delimitador</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Vírgula</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Ponto e vírgula</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulação</translation>
    </message>
    <message>
        <source>Pipe</source>
        <translation>Barra vertical</translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation>Separador decimal</translation>
    </message>
    <message>
        <source>Point (1234.5)</source>
        <translation>Ponto (1234.5)</translation>
    </message>
    <message>
        <source>Comma (1.234,5)</source>
        <translation>Vírgula (1.234,5)</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Linha de cabeçalho</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>Missing-value markers</source>
        <translation>Marcadores de valor ausente</translation>
    </message>
    <message>
        <source>Comma-separated cell values read as missing; an empty cell is always missing</source>
        <translation>Valores de célula, separados por vírgula, lidos como ausentes; uma célula vazia é sempre um valor ausente</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codificação</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Latin-1 (ISO 8859-1)</source>
        <translation>Latin-1 (ISO 8859-1)</translation>
    </message>
    <message>
        <source>Sample dataset</source>
        <translation>Dados de exemplo</translation>
    </message>
    <message>
        <source>A real public dataset shipped with Oficina (Iris, Wine, Breast cancer, Diabetes, Digits, Linnerud, Sunspots, CO₂), with its target column already marked.</source>
        <translation>Um conjunto de dados real e público incluído no Oficina (Iris, Vinho, Câncer de mama, Diabetes, Dígitos, Linnerud, Manchas solares, CO₂), com a coluna-alvo já marcada.</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Conjunto de dados</translation>
    </message>
    <message>
        <source>Select columns &amp; set target</source>
        <translation>Selecionar colunas e definir alvo</translation>
    </message>
    <message>
        <source>Chooses the feature columns a model learns from and the target column it predicts. Models trained downstream expect the same columns when they predict.</source>
        <translation>Escolhe as colunas de atributos com as quais um modelo aprende e a coluna-alvo que ele prevê. Os modelos treinados adiante no pipeline esperam as mesmas colunas ao prever.</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <source>Columns to learn from; empty = every column except the target</source>
        <translation>Colunas usadas no aprendizado; vazio = todas as colunas, exceto o alvo</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Alvo</translation>
    </message>
    <message>
        <source>Column to predict; empty = keep the input&apos;s target, or none for clustering</source>
        <translation>Coluna a prever; vazio = manter o alvo da entrada, ou nenhum para agrupamento</translation>
    </message>
    <message>
        <source>Train/test split</source>
        <translation>Divisão treino/teste</translation>
    </message>
    <message>
        <source>Shuffles the rows and holds out a share of them for testing, exactly as scikit-learn&apos;s train_test_split does with the same seed. Fit preprocessing after this node, on the training rows only.</source>
        <translation>Embaralha as linhas e separa uma parte delas para teste, exatamente como o train_test_split do scikit-learn faz com a mesma semente. Ajuste o pré-processamento depois deste nó, somente nas linhas de treinamento.</translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation>Linhas de treinamento</translation>
    </message>
    <message>
        <source>Test rows</source>
        <translation>Linhas de teste</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>Proporção de teste</translation>
    </message>
    <message>
        <source>Fraction of the rows held out for testing</source>
        <translation>Fração das linhas separada para teste</translation>
    </message>
    <message>
        <source>Stratify by target</source>
        <translation>Estratificar pelo alvo</translation>
    </message>
    <message>
        <source>Keep the class proportions equal in both parts</source>
        <translation>Mantém as proporções das classes iguais nas duas partes</translation>
    </message>
    <message>
        <source>Same seed, same split</source>
        <translation>Mesma semente, mesma divisão</translation>
    </message>
    <message>
        <source>the data has no &apos;%1&apos; column; connect the output of a Predict node</source>
        <translation>os dados não têm a coluna &apos;%1&apos;; conecte a saída de um nó Prever</translation>
    </message>
    <message>
        <source>%1 rows without a target value or prediction were left out of the scores</source>
        <translation>%1 linhas sem valor de alvo ou sem previsão foram deixadas fora das pontuações</translation>
    </message>
    <message>
        <source>Standard scaler</source>
        <translation>Padronizador</translation>
    </message>
    <message>
        <source>Centres each numeric feature on 0 and scales it to unit variance, with the mean and deviation learned from this node&apos;s input. Models downstream re-apply the same scaling when they predict.</source>
        <translation>Centraliza cada atributo numérico em 0 e o escala para variância unitária, com a média e o desvio aprendidos da entrada deste nó. Os modelos adiante no pipeline reaplicam a mesma escala ao prever.</translation>
    </message>
    <message>
        <source>Scaled data</source>
        <translation>Dados padronizados</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centralizar</translation>
    </message>
    <message>
        <source>Subtract each column&apos;s mean</source>
        <translation>Subtrai a média de cada coluna</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Escalar</translation>
    </message>
    <message>
        <source>Divide by each column&apos;s standard deviation</source>
        <translation>Divide pelo desvio padrão de cada coluna</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>Regressão logística</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Dados de treinamento</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Inverse regularisation (C)</source>
        <translation>Inverso da regularização (C)</translation>
    </message>
    <message>
        <source>Smaller values regularise more strongly</source>
        <translation>Valores menores regularizam com mais força</translation>
    </message>
    <message>
        <source>Maximum iterations</source>
        <translation>Máximo de iterações</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolerância</translation>
    </message>
    <message>
        <source>Stop when the gradient is this small</source>
        <translation>Para quando o gradiente ficar abaixo deste valor</translation>
    </message>
    <message>
        <source>Fit intercept</source>
        <translation>Ajustar intercepto</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Prever</translation>
    </message>
    <message>
        <source>Applies a trained model to new rows: the model&apos;s preprocessing is re-applied with its training fit, then it predicts.</source>
        <translation>Aplica um modelo treinado a novas linhas: o pré-processamento do modelo é reaplicado com o ajuste do treinamento e, em seguida, o modelo faz a previsão.</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Previsões</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontuar</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <source>%1: there is no column &apos;%2&apos; in the input (its columns are: %3)</source>
        <translation>%1: não há coluna &apos;%2&apos; na entrada (as colunas dela são: %3)</translation>
    </message>
    <message>
        <source>no node &apos;%1&apos;</source>
        <translation>não há nó &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown node type</source>
        <translation>tipo de nó desconhecido</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no output named &apos;%2&apos;</source>
        <translation>&apos;%1&apos; não tem saída chamada &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no input named &apos;%2&apos;</source>
        <translation>&apos;%1&apos; não tem entrada chamada &apos;%2&apos;</translation>
    </message>
    <message>
        <source>a %1 output cannot feed a %2 input</source>
        <translation>uma saída do tipo %1 não pode alimentar uma entrada do tipo %2</translation>
    </message>
    <message>
        <source>this link would make a cycle</source>
        <translation>esta ligação criaria um ciclo</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; of &apos;%2&apos; is already connected</source>
        <translation>a entrada &apos;%1&apos; de &apos;%2&apos; já está conectada</translation>
    </message>
    <message>
        <source>unknown node type &apos;%1&apos;</source>
        <translation>tipo de nó desconhecido: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos;</source>
        <translation>parâmetro desconhecido: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is not connected</source>
        <translation>a entrada &apos;%1&apos; não está conectada</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is fed twice</source>
        <translation>a entrada &apos;%1&apos; é alimentada duas vezes</translation>
    </message>
    <message>
        <source>the pipeline has a cycle</source>
        <translation>o pipeline tem um ciclo</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Limpeza</translation>
    </message>
    <message>
        <source>Reduce</source>
        <translation>Redução</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Agrupamento</translation>
    </message>
    <message>
        <source>Neural nets</source>
        <translation>Redes neurais</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Avaliação</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportação</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>falta &quot;%1&quot;</translation>
    </message>
    <message>
        <source>link end %1 is not of the form &quot;node.port&quot;</source>
        <translation>a ponta de ligação %1 não está no formato &quot;node.port&quot;</translation>
    </message>
    <message>
        <source>a node must be an object</source>
        <translation>um nó deve ser um objeto</translation>
    </message>
    <message>
        <source>node id must be text</source>
        <translation>o id do nó deve ser texto</translation>
    </message>
    <message>
        <source>unknown node type %1 (is this file from a newer Oficina?)</source>
        <translation>tipo de nó desconhecido %1 (este arquivo é de uma versão mais nova do Oficina?)</translation>
    </message>
    <message>
        <source>node version %1 is newer than this Oficina supports (%2)</source>
        <translation>a versão de nó %1 é mais nova do que esta versão do Oficina suporta (%2)</translation>
    </message>
    <message>
        <source>position must be [x, y]</source>
        <translation>a posição deve ser [x, y]</translation>
    </message>
    <message>
        <source>params must be an object</source>
        <translation>params deve ser um objeto</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos; for %2</source>
        <translation>parâmetro desconhecido &apos;%1&apos; para %2</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>JSON inválido</translation>
    </message>
    <message>
        <source>not an Oficina pipeline (&quot;format&quot; must be &quot;%1&quot;)</source>
        <translation>não é um pipeline do Oficina (&quot;format&quot; deve ser &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>pipeline format version %1 is not supported; this Oficina reads version %2</source>
        <translation>a versão %1 do formato de pipeline não é suportada; esta versão do Oficina lê a versão %2</translation>
    </message>
    <message>
        <source>&quot;nodes&quot; must be a list</source>
        <translation>&quot;nodes&quot; deve ser uma lista</translation>
    </message>
    <message>
        <source>&quot;links&quot; must be a list</source>
        <translation>&quot;links&quot; deve ser uma lista</translation>
    </message>
    <message>
        <source>a link must be an object</source>
        <translation>uma ligação deve ser um objeto</translation>
    </message>
    <message>
        <source>link %1 → %2: %3</source>
        <translation>ligação %1 → %2: %3</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>não é possível abrir o arquivo: %1</translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation>não é possível gravar o arquivo: %1</translation>
    </message>
    <message>
        <source>cannot replace the file: %1</source>
        <translation>não é possível substituir o arquivo: %1</translation>
    </message>
    <message>
        <source>the number of clusters (%1) must be between 1 and the number of rows (%2)</source>
        <translation>o número de grupos (%1) deve estar entre 1 e o número de linhas (%2)</translation>
    </message>
    <message>
        <source>eps must be positive and min_samples at least 1</source>
        <translation>eps deve ser positivo e min_samples pelo menos 1</translation>
    </message>
    <message>
        <source>clustering needs at least one row and one numeric feature column</source>
        <translation>o agrupamento precisa de pelo menos uma linha e uma coluna de atributo numérica</translation>
    </message>
    <message>
        <source>the data has missing or infinite values; impute or drop them first</source>
        <translation>os dados têm valores ausentes ou infinitos; faça a imputação ou descarte-os antes</translation>
    </message>
    <message>
        <source>max_iter and n_init must be at least 1 and tol not negative</source>
        <translation>max_iter e n_init devem ser pelo menos 1 e tol não pode ser negativo</translation>
    </message>
    <message>
        <source>the initial centres must be a %1 × %2 matrix</source>
        <translation>os centros iniciais devem formar uma matriz %1 × %2</translation>
    </message>
    <message>
        <source>batch_size and max_iter must be at least 1</source>
        <translation>batch_size e max_iter devem ser pelo menos 1</translation>
    </message>
    <message>
        <source>some probabilities are missing; log loss and ROC curves were left out</source>
        <translation>faltam algumas probabilidades; a perda logarítmica e as curvas ROC foram deixadas de fora</translation>
    </message>
    <message>
        <source>the target has the class &apos;%1&apos;, which the model does not know; log loss and ROC curves were left out</source>
        <translation>o alvo tem a classe &apos;%1&apos;, que o modelo não conhece; a perda logarítmica e as curvas ROC foram deixadas de fora</translation>
    </message>
    <message>
        <source>ROC AUC needs rows of both classes; it was left out</source>
        <translation>a AUC ROC precisa de linhas das duas classes; ela foi deixada de fora</translation>
    </message>
    <message>
        <source>one-vs-rest ROC AUC needs rows of every class the model knows; it was left out</source>
        <translation>a AUC ROC um-contra-todos precisa de linhas de todas as classes que o modelo conhece; ela foi deixada de fora</translation>
    </message>
    <message>
        <source>classification scores need class predictions; &apos;%1&apos; holds numbers</source>
        <translation>as pontuações de classificação precisam de previsões de classe; &apos;%1&apos; contém números</translation>
    </message>
    <message>
        <source>there are %1 labels for %2 rows</source>
        <translation>há %1 rótulos para %2 linhas</translation>
    </message>
    <message>
        <source>cluster scores need between 2 and %1 clusters; there are %2</source>
        <translation>as pontuações de agrupamento precisam de 2 a %1 grupos; há %2</translation>
    </message>
    <message>
        <source>cross-validation needs a classification or regression model</source>
        <translation>a validação cruzada precisa de um modelo de classificação ou de regressão</translation>
    </message>
    <message>
        <source>the data has no column &apos;%1&apos;, the target the model was trained to predict</source>
        <translation>os dados não têm a coluna &apos;%1&apos;, o alvo que o modelo foi treinado para prever</translation>
    </message>
    <message>
        <source>the silhouette was computed on a random sample of %1 rows</source>
        <translation>a silhueta foi calculada sobre uma amostra aleatória de %1 linhas</translation>
    </message>
    <message>
        <source>cross-validation needs at least 2 folds, not %1</source>
        <translation>a validação cruzada precisa de pelo menos 2 partes (folds), não %1</translation>
    </message>
    <message>
        <source>%1 folds need at least %1 rows; the data has %2</source>
        <translation>%1 partes precisam de pelo menos %1 linhas; os dados têm %2</translation>
    </message>
    <message>
        <source>training sizes are fractions in (0, 1], not %1</source>
        <translation>os tamanhos de treinamento são frações em (0, 1], não %1</translation>
    </message>
    <message>
        <source>there are no folds to evaluate</source>
        <translation>não há partes (folds) para avaliar</translation>
    </message>
    <message>
        <source>the metric &apos;%1&apos; is not scored for this model</source>
        <translation>a métrica &apos;%1&apos; não é calculada para este modelo</translation>
    </message>
    <message>
        <source>%1 true labels but %2 scores</source>
        <translation>%1 rótulos verdadeiros, mas %2 pontuações</translation>
    </message>
    <message>
        <source>the scores have missing or infinite values</source>
        <translation>as pontuações têm valores ausentes ou infinitos</translation>
    </message>
    <message>
        <source>a ROC curve needs both positive and negative rows</source>
        <translation>uma curva ROC precisa de linhas positivas e negativas</translation>
    </message>
    <message>
        <source>log loss needs at least two classes</source>
        <translation>a perda logarítmica precisa de pelo menos duas classes</translation>
    </message>
    <message>
        <source>%1 true labels but %2 probabilities</source>
        <translation>%1 rótulos verdadeiros, mas %2 probabilidades</translation>
    </message>
    <message>
        <source>the probabilities have missing or infinite values</source>
        <translation>as probabilidades têm valores ausentes ou infinitos</translation>
    </message>
    <message>
        <source>a decision boundary needs a classifier</source>
        <translation>uma fronteira de decisão precisa de um classificador</translation>
    </message>
    <message>
        <source>the grid resolution must be between %1 and %2</source>
        <translation>a resolução da grade deve estar entre %1 e %2</translation>
    </message>
    <message>
        <source>the grid ranges must be finite and not empty</source>
        <translation>os intervalos da grade devem ser finitos e não vazios</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not numeric</source>
        <translation>a coluna &apos;%1&apos; não é numérica</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has no values</source>
        <translation>a coluna &apos;%1&apos; não tem valores</translation>
    </message>
    <message>
        <source>%1 true values but %2 predictions</source>
        <translation>%1 valores verdadeiros, mas %2 previsões</translation>
    </message>
    <message>
        <source>the true or predicted values have missing or infinite values</source>
        <translation>os valores verdadeiros ou previstos têm valores ausentes ou infinitos</translation>
    </message>
    <message>
        <source>regression scores need numeric predictions; &apos;%1&apos; holds classes</source>
        <translation>as pontuações de regressão precisam de previsões numéricas; &apos;%1&apos; contém classes</translation>
    </message>
    <message>
        <source>the predictions are numbers but the target column &apos;%1&apos; is categorical</source>
        <translation>as previsões são números, mas a coluna-alvo &apos;%1&apos; é categórica</translation>
    </message>
    <message>
        <source>alpha must not be negative, not %1</source>
        <translation>alpha não pode ser negativo, não %1</translation>
    </message>
    <message>
        <source>l1_ratio must be between 0 and 1, not %1</source>
        <translation>l1_ratio deve estar entre 0 e 1, não %1</translation>
    </message>
    <message>
        <source>max_iter must be at least 1, not %1</source>
        <translation>max_iter deve ser pelo menos 1, não %1</translation>
    </message>
    <message>
        <source>coordinate descent did not converge in %1 iterations (duality gap %2, tolerance %3); increase max_iter or scale the features</source>
        <translation>a descida por coordenadas não convergiu em %1 iterações (lacuna de dualidade %2, tolerância %3); aumente max_iter ou padronize os atributos</translation>
    </message>
    <message>
        <source>min_samples_split must be at least 2, not %1</source>
        <translation>min_samples_split deve ser pelo menos 2, não %1</translation>
    </message>
    <message>
        <source>min_samples_leaf must be at least 1, not %1</source>
        <translation>min_samples_leaf deve ser pelo menos 1, não %1</translation>
    </message>
    <message>
        <source>there are no feature columns to train on</source>
        <translation>não há colunas de atributos para treinar</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; is categorical; a regression model needs a numeric target</source>
        <translation>a coluna-alvo &apos;%1&apos; é categórica; um modelo de regressão precisa de um alvo numérico</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; has infinite values</source>
        <translation>a coluna-alvo &apos;%1&apos; tem valores infinitos</translation>
    </message>
    <message>
        <source>XGBoost failed: %1</source>
        <translation>o XGBoost falhou: %1</translation>
    </message>
    <message>
        <source>n_estimators must be at least 1, not %1</source>
        <translation>n_estimators deve ser pelo menos 1, não %1</translation>
    </message>
    <message>
        <source>learning_rate must be in (0, 1], not %1</source>
        <translation>learning_rate deve estar em (0, 1], não %1</translation>
    </message>
    <message>
        <source>max_depth must be at least 1, not %1</source>
        <translation>max_depth deve ser pelo menos 1, não %1</translation>
    </message>
    <message>
        <source>subsample and colsample_bytree must be in (0, 1]</source>
        <translation>subsample e colsample_bytree devem estar em (0, 1]</translation>
    </message>
    <message>
        <source>reg_lambda must not be negative, not %1</source>
        <translation>reg_lambda não pode ser negativo, não %1</translation>
    </message>
    <message>
        <source>validation_fraction must be in (0, 1), not %1</source>
        <translation>validation_fraction deve estar em (0, 1), não %1</translation>
    </message>
    <message>
        <source>too few rows to hold some out for early stopping</source>
        <translation>poucas linhas para separar algumas para a parada antecipada</translation>
    </message>
    <message>
        <source>n_neighbors is %1 but there are %2 training rows; choose between 1 and the number of rows</source>
        <translation>n_neighbors é %1, mas há %2 linhas de treinamento; escolha entre 1 e o número de linhas</translation>
    </message>
    <message>
        <source>the target &apos;%1&apos; is categorical; a regressor needs numbers (use the k-NN classifier)</source>
        <translation>o alvo &apos;%1&apos; é categórico; um regressor precisa de números (use o classificador k-NN)</translation>
    </message>
    <message>
        <source>the target has missing or infinite values</source>
        <translation>o alvo tem valores ausentes ou infinitos</translation>
    </message>
    <message>
        <source>the target &apos;%1&apos; has only one class &apos;%2&apos;; classification needs at least two</source>
        <translation>o alvo &apos;%1&apos; tem apenas uma classe, &apos;%2&apos;; a classificação precisa de pelo menos duas</translation>
    </message>
    <message>
        <source>var_smoothing must not be negative, not %1</source>
        <translation>var_smoothing não pode ser negativo, não %1</translation>
    </message>
    <message>
        <source>every feature is constant (column &apos;%1&apos; included); Gaussian naive Bayes has nothing to learn</source>
        <translation>todos os atributos são constantes (inclusive a coluna &apos;%1&apos;); o naive Bayes gaussiano não tem nada a aprender</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has %2 missing values; add an imputer or drop rows with missing values</source>
        <translation>a coluna &apos;%1&apos; tem %2 valores ausentes; adicione um imputador ou descarte as linhas com valores ausentes</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; holds %2, but categorical naive Bayes needs categories or non-negative integer codes</source>
        <translation>a coluna &apos;%1&apos; contém %2, mas o naive Bayes categórico precisa de categorias ou de códigos inteiros não negativos</translation>
    </message>
    <message>
        <source>alpha must be positive, not %1</source>
        <translation>alpha deve ser positivo, não %1</translation>
    </message>
    <message>
        <source>the out-of-bag score needs bootstrap samples</source>
        <translation>a pontuação fora da amostra (out-of-bag) precisa de amostras bootstrap</translation>
    </message>
    <message>
        <source>%1 must be a positive number, not %2</source>
        <translation>%1 deve ser um número positivo, não %2</translation>
    </message>
    <message>
        <source>liblinear rejected the options: %1</source>
        <translation>o liblinear rejeitou as opções: %1</translation>
    </message>
    <message>
        <source>liblinear failed to fit the model</source>
        <translation>o liblinear não conseguiu ajustar o modelo</translation>
    </message>
    <message>
        <source>liblinear reached its iteration limit without converging; scale the features or lower C</source>
        <translation>o liblinear atingiu seu limite de iterações sem convergir; padronize os atributos ou diminua C</translation>
    </message>
    <message>
        <source>a kernel SVM on %1 rows would take very long (its cost grows with the square of the rows; the limit is %2); use the linear SVM or sample the rows</source>
        <translation>uma SVM com kernel em %1 linhas levaria muito tempo (seu custo cresce com o quadrado das linhas; o limite é %2); use a SVM linear ou uma amostra das linhas</translation>
    </message>
    <message>
        <source>gamma must not be negative, not %1</source>
        <translation>gamma não pode ser negativo, não %1</translation>
    </message>
    <message>
        <source>degree must not be negative, not %1</source>
        <translation>degree não pode ser negativo, não %1</translation>
    </message>
    <message>
        <source>epsilon must not be negative, not %1</source>
        <translation>epsilon não pode ser negativo, não %1</translation>
    </message>
    <message>
        <source>libsvm rejected the options: %1</source>
        <translation>o libsvm rejeitou as opções: %1</translation>
    </message>
    <message>
        <source>libsvm failed to fit the model</source>
        <translation>o libsvm não conseguiu ajustar o modelo</translation>
    </message>
    <message>
        <source>Gaussian naive Bayes</source>
        <translation>Naive Bayes gaussiano</translation>
    </message>
    <message>
        <source>Categorical naive Bayes</source>
        <translation>Naive Bayes categórico</translation>
    </message>
    <message>
        <source>k-NN classifier</source>
        <translation>Classificador k-NN</translation>
    </message>
    <message>
        <source>k-NN regressor</source>
        <translation>Regressor k-NN</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>Vizinhos</translation>
    </message>
    <message>
        <source>How many of the nearest training rows decide</source>
        <translation>Quantas das linhas de treinamento mais próximas decidem</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Uniformes</translation>
    </message>
    <message>
        <source>By inverse distance</source>
        <translation>Pelo inverso da distância</translation>
    </message>
    <message>
        <source>Whether nearer neighbours count more</source>
        <translation>Se os vizinhos mais próximos contam mais</translation>
    </message>
    <message>
        <source>A fast probabilistic classifier that treats each numeric feature, within a class, as an independent normal distribution, as scikit-learn&apos;s GaussianNB.</source>
        <translation>Um classificador probabilístico rápido que trata cada atributo numérico, dentro de uma classe, como uma distribuição normal independente, como o GaussianNB do scikit-learn.</translation>
    </message>
    <message>
        <source>Variance smoothing</source>
        <translation>Suavização da variância</translation>
    </message>
    <message>
        <source>Share of the largest feature variance added to every variance, for stability</source>
        <translation>Parte da maior variância dos atributos somada a cada variância, para estabilidade</translation>
    </message>
    <message>
        <source>A probabilistic classifier for categorical features (or ordinal-encoded integer codes), counting how often each category occurs per class, as scikit-learn&apos;s CategoricalNB.</source>
        <translation>Um classificador probabilístico para atributos categóricos (ou códigos inteiros de um codificador ordinal), que conta com que frequência cada categoria ocorre em cada classe, como o CategoricalNB do scikit-learn.</translation>
    </message>
    <message>
        <source>Smoothing (alpha)</source>
        <translation>Suavização (alpha)</translation>
    </message>
    <message>
        <source>Added to every category count, so an unseen combination is unlikely rather than impossible</source>
        <translation>Somado a cada contagem de categoria, para que uma combinação nunca vista seja improvável em vez de impossível</translation>
    </message>
    <message>
        <source>Predicts the class most common among the k nearest training rows (Euclidean distance), as scikit-learn&apos;s KNeighborsClassifier. Scale the features first.</source>
        <translation>Prevê a classe mais comum entre as k linhas de treinamento mais próximas (distância euclidiana), como o KNeighborsClassifier do scikit-learn. Padronize os atributos antes.</translation>
    </message>
    <message>
        <source>Predicts the mean target of the k nearest training rows (Euclidean distance), as scikit-learn&apos;s KNeighborsRegressor. Scale the features first.</source>
        <translation>Prevê a média do alvo das k linhas de treinamento mais próximas (distância euclidiana), como o KNeighborsRegressor do scikit-learn. Padronize os atributos antes.</translation>
    </message>
    <message>
        <source>all %1 rows were removed; no rows are left</source>
        <translation>todas as %1 linhas foram removidas; não sobrou nenhuma linha</translation>
    </message>
    <message>
        <source>%1 of %2 rows were removed</source>
        <translation>%1 de %2 linhas foram removidas</translation>
    </message>
    <message>
        <source>%1 columns are chosen but %2 new names are given; give one new name per column, separated by commas</source>
        <translation>%1 colunas foram escolhidas, mas %2 nomes novos foram dados; dê um nome novo por coluna, separados por vírgulas</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has no values at all and was dropped</source>
        <translation>a coluna &apos;%1&apos; não tem nenhum valor e foi descartada</translation>
    </message>
    <message>
        <source>there is no categorical feature to encode</source>
        <translation>não há atributo categórico para codificar</translation>
    </message>
    <message>
        <source>t-SNE is limited to %1 rows and the data has %2; sample the rows or reduce them with PCA first</source>
        <translation>o t-SNE está limitado a %1 linhas e os dados têm %2; use uma amostra das linhas ou reduza-as antes com PCA</translation>
    </message>
    <message>
        <source>the data has no feature columns to embed</source>
        <translation>os dados não têm colunas de atributos para projetar</translation>
    </message>
    <message>
        <source>Drop rows with missing values</source>
        <translation>Descartar linhas incompletas</translation>
    </message>
    <message>
        <source>Removes rows with missing cells, as pandas&apos; dropna. Use it on training data: models still predict every row they are given.</source>
        <translation>Remove linhas com células ausentes, como o dropna do pandas. Use-o nos dados de treinamento: os modelos continuam prevendo todas as linhas que recebem.</translation>
    </message>
    <message>
        <source>Drop a row when</source>
        <translation>Descartar uma linha quando</translation>
    </message>
    <message>
        <source>Any cell is missing</source>
        <translation>Alguma célula está ausente</translation>
    </message>
    <message>
        <source>All cells are missing</source>
        <translation>Todas as células estão ausentes</translation>
    </message>
    <message>
        <source>Minimum values per row</source>
        <translation>Mínimo de valores por linha</translation>
    </message>
    <message>
        <source>When above 0, keep the rows with at least this many non-missing cells, whatever the choice above</source>
        <translation>Quando acima de 0, mantém as linhas com pelo menos esse número de células não ausentes, independentemente da escolha acima</translation>
    </message>
    <message>
        <source>Columns to check</source>
        <translation>Colunas a verificar</translation>
    </message>
    <message>
        <source>Empty = all columns</source>
        <translation>Vazio = todas as colunas</translation>
    </message>
    <message>
        <source>Drop duplicate rows</source>
        <translation>Descartar linhas duplicadas</translation>
    </message>
    <message>
        <source>Removes rows that repeat another row, as pandas&apos; drop_duplicates. Two missing cells count as equal.</source>
        <translation>Remove linhas que repetem outra linha, como o drop_duplicates do pandas. Duas células ausentes contam como iguais.</translation>
    </message>
    <message>
        <source>Columns to compare</source>
        <translation>Colunas a comparar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Manter</translation>
    </message>
    <message>
        <source>First copy</source>
        <translation>Primeira cópia</translation>
    </message>
    <message>
        <source>Last copy</source>
        <translation>Última cópia</translation>
    </message>
    <message>
        <source>No copy</source>
        <translation>Nenhuma cópia</translation>
    </message>
    <message>
        <source>Remove outliers</source>
        <translation>Remover valores atípicos</translation>
    </message>
    <message>
        <source>Removes rows with an extreme value in any chosen numeric column: by z-score (distance from the mean in standard deviations) or by the interquartile range rule. Missing cells are never outliers.</source>
        <translation>Remove linhas com um valor extremo em qualquer coluna numérica escolhida: pelo escore z (distância da média em desvios-padrão) ou pela regra do intervalo interquartil. Células ausentes nunca são valores atípicos.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Z-score</source>
        <translation>Escore z</translation>
    </message>
    <message>
        <source>Interquartile range (IQR)</source>
        <translation>Intervalo interquartil (IQR)</translation>
    </message>
    <message>
        <source>Z-score threshold</source>
        <translation>Limiar do escore z</translation>
    </message>
    <message>
        <source>Z-score: remove values more than this many standard deviations from the mean</source>
        <translation>Escore z: remove valores a mais desse número de desvios-padrão da média</translation>
    </message>
    <message>
        <source>IQR factor</source>
        <translation>Fator do IQR</translation>
    </message>
    <message>
        <source>IQR: remove values below Q1 − factor·IQR or above Q3 + factor·IQR</source>
        <translation>IQR: remove valores abaixo de Q1 − fator·IQR ou acima de Q3 + fator·IQR</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colunas</translation>
    </message>
    <message>
        <source>Empty = every numeric feature</source>
        <translation>Vazio = todos os atributos numéricos</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Filtrar linhas</translation>
    </message>
    <message>
        <source>Keeps the rows where a condition on one column holds. The value is read as a number for numeric columns and as a label for categorical ones.</source>
        <translation>Mantém as linhas em que uma condição sobre uma coluna é verdadeira. O valor é lido como número para colunas numéricas e como rótulo para as categóricas.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Coluna</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condição</translation>
    </message>
    <message>
        <source>equals (=)</source>
        <translation>igual a (=)</translation>
    </message>
    <message>
        <source>differs from (≠)</source>
        <translation>diferente de (≠)</translation>
    </message>
    <message>
        <source>less than (&lt;)</source>
        <translation>menor que (&lt;)</translation>
    </message>
    <message>
        <source>at most (≤)</source>
        <translation>no máximo (≤)</translation>
    </message>
    <message>
        <source>greater than (&gt;)</source>
        <translation>maior que (&gt;)</translation>
    </message>
    <message>
        <source>at least (≥)</source>
        <translation>pelo menos (≥)</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>está ausente</translation>
    </message>
    <message>
        <source>is not missing</source>
        <translation>não está ausente</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contém</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Compared with each cell; unused for &apos;is missing&apos; and &apos;is not missing&apos;</source>
        <translation>Comparado com cada célula; não usado para &apos;está ausente&apos; e &apos;não está ausente&apos;</translation>
    </message>
    <message>
        <source>Cast column type</source>
        <translation>Converter tipo de coluna</translation>
    </message>
    <message>
        <source>Turns numeric columns into categorical ones (the values seen here become the categories; others become missing when a model predicts) or categorical columns into numbers (every label must be a number).</source>
        <translation>Transforma colunas numéricas em categóricas (os valores vistos aqui viram as categorias; outros ficam ausentes quando um modelo prevê) ou colunas categóricas em números (todo rótulo deve ser um número).</translation>
    </message>
    <message>
        <source>New type</source>
        <translation>Novo tipo</translation>
    </message>
    <message>
        <source>Categorical</source>
        <translation>Categórica</translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation>Numérica</translation>
    </message>
    <message>
        <source>Rename columns</source>
        <translation>Renomear colunas</translation>
    </message>
    <message>
        <source>Gives columns new names. Models downstream rename the columns of new data the same way.</source>
        <translation>Dá novos nomes às colunas. Os modelos adiante no pipeline renomeiam da mesma forma as colunas de dados novos.</translation>
    </message>
    <message>
        <source>New names</source>
        <translation>Novos nomes</translation>
    </message>
    <message>
        <source>One per chosen column, in the same order, separated by commas</source>
        <translation>Um por coluna escolhida, na mesma ordem, separados por vírgulas</translation>
    </message>
    <message>
        <source>Drop columns</source>
        <translation>Descartar colunas</translation>
    </message>
    <message>
        <source>Removes columns. Models downstream ignore them in new data.</source>
        <translation>Remove colunas. Os modelos adiante no pipeline as ignoram em dados novos.</translation>
    </message>
    <message>
        <source>Imputer</source>
        <translation>Imputador</translation>
    </message>
    <message>
        <source>Fills missing cells with each column&apos;s mean, median or most frequent value, or a constant, learned from this node&apos;s input (scikit-learn&apos;s SimpleImputer). Models downstream fill new data with the same values. A column with no value at all is dropped.</source>
        <translation>Preenche células ausentes com a média, a mediana ou o valor mais frequente de cada coluna, ou com uma constante, aprendidos da entrada deste nó (o SimpleImputer do scikit-learn). Os modelos adiante no pipeline preenchem dados novos com os mesmos valores. Uma coluna sem nenhum valor é descartada.</translation>
    </message>
    <message>
        <source>Imputed data</source>
        <translation>Dados imputados</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Estratégia</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Most frequent</source>
        <translation>Mais frequente</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Constante</translation>
    </message>
    <message>
        <source>Fill value</source>
        <translation>Valor de preenchimento</translation>
    </message>
    <message>
        <source>Constant strategy: empty = 0 for numeric columns and &quot;missing_value&quot; for categorical ones</source>
        <translation>Estratégia constante: vazio = 0 para colunas numéricas e &quot;missing_value&quot; para as categóricas</translation>
    </message>
    <message>
        <source>Empty = every feature (numeric ones only for mean and median)</source>
        <translation>Vazio = todos os atributos (só os numéricos para média e mediana)</translation>
    </message>
    <message>
        <source>One-hot encoder</source>
        <translation>Codificador one-hot</translation>
    </message>
    <message>
        <source>Replaces each categorical column with one 0/1 column per category seen here, named column_category (scikit-learn&apos;s OneHotEncoder). Categories not seen here give all zeros, or an error if you ask for one.</source>
        <translation>Substitui cada coluna categórica por uma coluna 0/1 para cada categoria vista aqui, chamada coluna_categoria (o OneHotEncoder do scikit-learn). Categorias não vistas aqui dão só zeros, ou um erro, se você pedir.</translation>
    </message>
    <message>
        <source>Encoded data</source>
        <translation>Dados codificados</translation>
    </message>
    <message>
        <source>Empty = every categorical feature</source>
        <translation>Vazio = todos os atributos categóricos</translation>
    </message>
    <message>
        <source>Unknown categories</source>
        <translation>Categorias desconhecidas</translation>
    </message>
    <message>
        <source>All zeros</source>
        <translation>Só zeros</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>Drop a category</source>
        <translation>Descartar uma categoria</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhuma</translation>
    </message>
    <message>
        <source>The first</source>
        <translation>A primeira</translation>
    </message>
    <message>
        <source>The first, if only two</source>
        <translation>A primeira, se houver só duas</translation>
    </message>
    <message>
        <source>Dropping one column per feature avoids perfectly collinear columns</source>
        <translation>Descartar uma coluna por atributo evita colunas perfeitamente colineares</translation>
    </message>
    <message>
        <source>Ordinal encoder</source>
        <translation>Codificador ordinal</translation>
    </message>
    <message>
        <source>Replaces each category with its position among the categories seen here, in sorted order (scikit-learn&apos;s OrdinalEncoder). Missing cells stay missing.</source>
        <translation>Substitui cada categoria pela sua posição entre as categorias vistas aqui, em ordem alfabética (o OrdinalEncoder do scikit-learn). Células ausentes continuam ausentes.</translation>
    </message>
    <message>
        <source>Use the unknown value</source>
        <translation>Usar o valor desconhecido</translation>
    </message>
    <message>
        <source>Unknown value</source>
        <translation>Valor desconhecido</translation>
    </message>
    <message>
        <source>Code given to categories not seen here; it must not be one of the real codes</source>
        <translation>Código dado às categorias não vistas aqui; não pode ser um dos códigos reais</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>Places the rows on a plane so that rows close in feature space stay close (scikit-learn&apos;s TSNE), for looking at clusters. Up to 10,000 rows; it cannot place new rows, so it does not feed models. The KL divergence is drawn live as the loss.</source>
        <translation>Posiciona as linhas num plano de modo que linhas próximas no espaço de atributos continuem próximas (o TSNE do scikit-learn), para observar grupos. Até 10.000 linhas; não consegue posicionar linhas novas, por isso não alimenta modelos. A divergência KL é desenhada ao vivo como a perda.</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Projeção</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexidade</translation>
    </message>
    <message>
        <source>About how many neighbours each point keeps close; 5 to 50 is usual</source>
        <translation>Aproximadamente quantos vizinhos cada ponto mantém próximos; de 5 a 50 é o usual</translation>
    </message>
    <message>
        <source>Early exaggeration</source>
        <translation>Exagero inicial</translation>
    </message>
    <message>
        <source>How tightly clusters form in the first 250 iterations</source>
        <translation>Quão compactos os grupos se formam nas primeiras 250 iterações</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taxa de aprendizado</translation>
    </message>
    <message>
        <source>0 = automatic: rows / early exaggeration / 4, at least 50</source>
        <translation>0 = automática: linhas / exagero inicial / 4, pelo menos 50</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterações</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>Inicialização</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Aleatória</translation>
    </message>
    <message>
        <source>Barnes–Hut (fast)</source>
        <translation>Barnes–Hut (rápido)</translation>
    </message>
    <message>
        <source>Exact (slow, small data)</source>
        <translation>Exato (lento, dados pequenos)</translation>
    </message>
    <message>
        <source>Angle (θ)</source>
        <translation>Ângulo (θ)</translation>
    </message>
    <message>
        <source>Barnes–Hut: larger is faster and coarser</source>
        <translation>Barnes–Hut: maior é mais rápido e mais grosseiro</translation>
    </message>
    <message>
        <source>Used by the random initialisation</source>
        <translation>Usada pela inicialização aleatória</translation>
    </message>
    <message>
        <source>n_clusters (%1) is larger than the number of rows (%2)</source>
        <translation>n_clusters (%1) é maior que o número de linhas (%2)</translation>
    </message>
    <message>
        <source>K-Means stopped at max_iter (%1) before converging</source>
        <translation>o K-Means parou em max_iter (%1) antes de convergir</translation>
    </message>
    <message>
        <source>Mini-batch K-Means</source>
        <translation>K-Means em minilotes</translation>
    </message>
    <message>
        <source>K-Means</source>
        <translation>K-Means</translation>
    </message>
    <message>
        <source>DBSCAN found no cluster: every row is noise; try a larger eps or a smaller min_samples</source>
        <translation>o DBSCAN não encontrou nenhum grupo: todas as linhas são ruído; tente um eps maior ou um min_samples menor</translation>
    </message>
    <message>
        <source>the data has no &apos;%1&apos; column; connect the output of a clustering node</source>
        <translation>os dados não têm a coluna &apos;%1&apos;; conecte a saída de um nó de agrupamento</translation>
    </message>
    <message>
        <source>silhouette, Davies-Bouldin and Calinski-Harabasz need at least two clusters</source>
        <translation>silhueta, Davies-Bouldin e Calinski-Harabasz precisam de pelo menos dois grupos</translation>
    </message>
    <message>
        <source>k_min (%1) is larger than k_max (%2)</source>
        <translation>k_min (%1) é maior que k_max (%2)</translation>
    </message>
    <message>
        <source>k_max (%1) must be smaller than the number of rows (%2)</source>
        <translation>k_max (%1) deve ser menor que o número de linhas (%2)</translation>
    </message>
    <message>
        <source>min_samples (%1) is larger than the number of rows (%2)</source>
        <translation>min_samples (%1) é maior que o número de linhas (%2)</translation>
    </message>
    <message>
        <source>Same seed, same data: same clusters</source>
        <translation>Mesma semente, mesmos dados: mesmos grupos</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>How many clusters to form</source>
        <translation>Quantos grupos formar</translation>
    </message>
    <message>
        <source>Clustered data</source>
        <translation>Dados agrupados</translation>
    </message>
    <message>
        <source>Groups rows into k clusters around centres (k-means++ start, then Lloyd or Elkan iterations), as scikit-learn&apos;s KMeans; n_init defaults to 1 as in scikit-learn 1.4. Adds a &apos;cluster&apos; column; the model assigns new rows to the nearest centre. Inertia is drawn live.</source>
        <translation>Agrupa as linhas em k grupos em torno de centros (início k-means++, depois iterações de Lloyd ou de Elkan), como o KMeans do scikit-learn; n_init vale 1 por padrão, como no scikit-learn 1.4. Adiciona uma coluna &apos;cluster&apos;; o modelo atribui linhas novas ao centro mais próximo. A inércia é desenhada ao vivo.</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inícios</translation>
    </message>
    <message>
        <source>k-means++ starts; the best is kept</source>
        <translation>Inícios k-means++; o melhor é mantido</translation>
    </message>
    <message>
        <source>Stop when centres move less than this, relative to the data&apos;s variance</source>
        <translation>Parar quando os centros se moverem menos que isto, em relação à variância dos dados</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algoritmo</translation>
    </message>
    <message>
        <source>Lloyd</source>
        <translation>Lloyd</translation>
    </message>
    <message>
        <source>Elkan</source>
        <translation>Elkan</translation>
    </message>
    <message>
        <source>K-Means for large data: centres are updated from small random batches of rows, as scikit-learn&apos;s MiniBatchKMeans. Faster, slightly less compact clusters.</source>
        <translation>K-Means para dados grandes: os centros são atualizados a partir de pequenos lotes aleatórios de linhas, como o MiniBatchKMeans do scikit-learn. Mais rápido, com grupos um pouco menos compactos.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamanho do lote</translation>
    </message>
    <message>
        <source>Maximum passes</source>
        <translation>Máximo de passagens</translation>
    </message>
    <message>
        <source>Passes over the data at most</source>
        <translation>No máximo este número de passagens pelos dados</translation>
    </message>
    <message>
        <source>DBSCAN</source>
        <translation>DBSCAN</translation>
    </message>
    <message>
        <source>Density-based clusters of any shape: rows with at least min_samples neighbours within eps are cores, clusters grow from them, and the rest is noise (missing in the &apos;cluster&apos; column). Use the k-distance node to choose eps.</source>
        <translation>Grupos de qualquer forma baseados em densidade: linhas com pelo menos min_samples vizinhos a até eps de distância são núcleos, os grupos crescem a partir deles e o resto é ruído (ausente na coluna &apos;cluster&apos;). Use o nó de k-distância para escolher eps.</translation>
    </message>
    <message>
        <source>Radius (eps)</source>
        <translation>Raio (eps)</translation>
    </message>
    <message>
        <source>Largest distance between neighbours</source>
        <translation>Maior distância entre vizinhos</translation>
    </message>
    <message>
        <source>Minimum samples</source>
        <translation>Mínimo de amostras</translation>
    </message>
    <message>
        <source>Neighbours, the row included, that make a core row</source>
        <translation>Vizinhos, contando a própria linha, que tornam uma linha um núcleo</translation>
    </message>
    <message>
        <source>Agglomerative clustering</source>
        <translation>Agrupamento aglomerativo</translation>
    </message>
    <message>
        <source>Merges the closest clusters step by step, as scikit-learn&apos;s AgglomerativeClustering, and outputs the merge tree for a dendrogram. Keeps all pairwise distances: up to 20,000 rows.</source>
        <translation>Une os grupos mais próximos passo a passo, como o AgglomerativeClustering do scikit-learn, e produz a árvore de uniões para um dendrograma. Guarda todas as distâncias entre pares: até 20.000 linhas.</translation>
    </message>
    <message>
        <source>Merge tree</source>
        <translation>Árvore de uniões</translation>
    </message>
    <message>
        <source>Linkage</source>
        <translation>Ligação</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completa</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Simples</translation>
    </message>
    <message>
        <source>Distance threshold</source>
        <translation>Limiar de distância</translation>
    </message>
    <message>
        <source>When above 0, cut the tree at this merge distance instead of at a number of clusters</source>
        <translation>Quando acima de 0, corta a árvore nesta distância de união em vez de num número de grupos</translation>
    </message>
    <message>
        <source>Cluster quality</source>
        <translation>Qualidade do agrupamento</translation>
    </message>
    <message>
        <source>Scores a clustering: silhouette, Davies-Bouldin and Calinski-Harabasz on the feature columns (noise rows left out; silhouette on a sample of 10,000 rows for larger data), and adjusted Rand index and normalized mutual information against the target column when there is one.</source>
        <translation>Avalia um agrupamento: silhueta, Davies-Bouldin e Calinski-Harabasz nas colunas de atributos (linhas de ruído deixadas de fora; silhueta numa amostra de 10.000 linhas para dados maiores) e índice de Rand ajustado e informação mútua normalizada em relação à coluna-alvo, quando houver uma.</translation>
    </message>
    <message>
        <source>Suggest k</source>
        <translation>Sugerir k</translation>
    </message>
    <message>
        <source>Runs K-Means for each k in a range and reports inertia (look for the elbow) and silhouette; suggests the k with the best silhouette.</source>
        <translation>Executa o K-Means para cada k de um intervalo e informa a inércia (procure o cotovelo) e a silhueta; sugere o k com a melhor silhueta.</translation>
    </message>
    <message>
        <source>Scores per k</source>
        <translation>Pontuações por k</translation>
    </message>
    <message>
        <source>Smallest k</source>
        <translation>Menor k</translation>
    </message>
    <message>
        <source>Largest k</source>
        <translation>Maior k</translation>
    </message>
    <message>
        <source>k-distance curve</source>
        <translation>Curva de k-distância</translation>
    </message>
    <message>
        <source>Distance from each row to its min_samples-th nearest neighbour (the row counted), sorted from largest: DBSCAN&apos;s eps is good at the knee, which is suggested.</source>
        <translation>Distância de cada linha até seu min_samples-ésimo vizinho mais próximo (contando a própria linha), ordenada da maior: um bom eps para o DBSCAN fica no joelho, que é sugerido.</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Curva</translation>
    </message>
    <message>
        <source>Folds</source>
        <translation>Partes (folds)</translation>
    </message>
    <message>
        <source>How many parts the rows are dealt into; each part is held out once while the model trains on the rest</source>
        <translation>Em quantas partes as linhas são divididas; cada parte é separada uma vez enquanto o modelo treina com o resto</translation>
    </message>
    <message>
        <source>Stratified</source>
        <translation>Estratificada</translation>
    </message>
    <message>
        <source>For classification, keep each class&apos;s share in every fold (StratifiedKFold)</source>
        <translation>Na classificação, manter a proporção de cada classe em todas as partes (StratifiedKFold)</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>Embaralhar</translation>
    </message>
    <message>
        <source>Shuffle the rows before dealing them into folds</source>
        <translation>Embaralhar as linhas antes de dividi-las em partes</translation>
    </message>
    <message>
        <source>Random seed for the shuffle</source>
        <translation>Semente aleatória do embaralhamento</translation>
    </message>
    <message>
        <source>connect at least one model to compare</source>
        <translation>conecte pelo menos um modelo para comparar</translation>
    </message>
    <message>
        <source>the models to compare must predict the same target (&apos;%1&apos;) for the same kind of task</source>
        <translation>os modelos a comparar devem prever o mesmo alvo (&apos;%1&apos;) para o mesmo tipo de tarefa</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a training size; give fractions between 0 and 1 separated by commas</source>
        <translation>&apos;%1&apos; não é um tamanho de treinamento; dê frações entre 0 e 1 separadas por vírgulas</translation>
    </message>
    <message>
        <source>give at least one training size</source>
        <translation>dê pelo menos um tamanho de treinamento</translation>
    </message>
    <message>
        <source>Cross-validation</source>
        <translation>Validação cruzada</translation>
    </message>
    <message>
        <source>Estimates how well a model does on rows it has not seen: the rows are dealt into folds and, for each fold, the model&apos;s whole recipe (its preprocessing and the learner) is trained afresh on the other folds and scored on this one. Gives the mean and standard deviation of each score, the scores per fold, and every row&apos;s out-of-fold prediction. Connect the raw rows the model&apos;s chain started from.</source>
        <translation>Estima o desempenho de um modelo em linhas que ele não viu: as linhas são divididas em partes e, para cada parte, a receita inteira do modelo (seu pré-processamento e o aprendiz) é treinada de novo nas outras partes e avaliada nesta. Dá a média e o desvio-padrão de cada pontuação, as pontuações por parte e a previsão fora da parte de cada linha. Conecte as linhas brutas de onde a cadeia do modelo partiu.</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Pontuações</translation>
    </message>
    <message>
        <source>Out-of-fold predictions</source>
        <translation>Previsões fora da parte</translation>
    </message>
    <message>
        <source>Model 1</source>
        <translation>Modelo 1</translation>
    </message>
    <message>
        <source>Model 2</source>
        <translation>Modelo 2</translation>
    </message>
    <message>
        <source>Model 3</source>
        <translation>Modelo 3</translation>
    </message>
    <message>
        <source>Model 4</source>
        <translation>Modelo 4</translation>
    </message>
    <message>
        <source>Model 5</source>
        <translation>Modelo 5</translation>
    </message>
    <message>
        <source>Test &amp; score</source>
        <translation>Testar e pontuar</translation>
    </message>
    <message>
        <source>Compares up to five models by cross-validation on the same data and the same folds: one row per model with the mean and standard deviation of each score.</source>
        <translation>Compara até cinco modelos por validação cruzada nos mesmos dados e nas mesmas partes: uma linha por modelo com a média e o desvio-padrão de cada pontuação.</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparação</translation>
    </message>
    <message>
        <source>Training sizes</source>
        <translation>Tamanhos de treinamento</translation>
    </message>
    <message>
        <source>Fractions of the training folds to train on, separated by commas</source>
        <translation>Frações das partes de treinamento usadas no treino, separadas por vírgulas</translation>
    </message>
    <message>
        <source>Accuracy or R² (by task)</source>
        <translation>Acurácia ou R² (pela tarefa)</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Acurácia</translation>
    </message>
    <message>
        <source>Balanced accuracy</source>
        <translation>Acurácia balanceada</translation>
    </message>
    <message>
        <source>F1 (macro)</source>
        <translation>F1 (macro)</translation>
    </message>
    <message>
        <source>F1 (weighted)</source>
        <translation>F1 (ponderado)</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>Perda logarítmica</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>Mean absolute error</source>
        <translation>Erro absoluto médio</translation>
    </message>
    <message>
        <source>Root mean squared error</source>
        <translation>Raiz do erro quadrático médio</translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation>Curva de aprendizado</translation>
    </message>
    <message>
        <source>Trains the model&apos;s recipe on growing parts of each training fold and scores it on those rows and on the held-out fold: a large gap between the two curves means overfitting, two low curves underfitting.</source>
        <translation>Treina a receita do modelo em partes crescentes de cada parte de treinamento e a avalia nessas linhas e na parte separada: uma grande distância entre as duas curvas indica sobreajuste; duas curvas baixas, subajuste.</translation>
    </message>
    <message>
        <source>Transformed data</source>
        <translation>Dados transformados</translation>
    </message>
    <message>
        <source>Min-max scaler</source>
        <translation>Escalonador mín-máx</translation>
    </message>
    <message>
        <source>Maps each numeric feature linearly onto a range (0 to 1 by default) using the minimum and maximum learned from this node&apos;s input, as scikit-learn&apos;s MinMaxScaler. New rows beyond the training range fall outside it unless clipped.</source>
        <translation>Mapeia linearmente cada atributo numérico num intervalo (de 0 a 1 por padrão) usando o mínimo e o máximo aprendidos da entrada deste nó, como o MinMaxScaler do scikit-learn. Linhas novas além do intervalo de treinamento ficam fora dele, a menos que sejam recortadas.</translation>
    </message>
    <message>
        <source>Range minimum</source>
        <translation>Mínimo do intervalo</translation>
    </message>
    <message>
        <source>Where each column&apos;s minimum is mapped (feature_range[0])</source>
        <translation>Para onde o mínimo de cada coluna é mapeado (feature_range[0])</translation>
    </message>
    <message>
        <source>Range maximum</source>
        <translation>Máximo do intervalo</translation>
    </message>
    <message>
        <source>Where each column&apos;s maximum is mapped (feature_range[1])</source>
        <translation>Para onde o máximo de cada coluna é mapeado (feature_range[1])</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Recortar</translation>
    </message>
    <message>
        <source>Keep transformed values of new rows inside the range</source>
        <translation>Manter dentro do intervalo os valores transformados de linhas novas</translation>
    </message>
    <message>
        <source>Robust scaler</source>
        <translation>Escalonador robusto</translation>
    </message>
    <message>
        <source>Centres each numeric feature on its median and divides by its interquartile range, as scikit-learn&apos;s RobustScaler: outliers barely move the scaling.</source>
        <translation>Centraliza cada atributo numérico na sua mediana e divide pelo seu intervalo interquartil, como o RobustScaler do scikit-learn: valores atípicos quase não alteram a escala.</translation>
    </message>
    <message>
        <source>Subtract each column&apos;s median</source>
        <translation>Subtrair a mediana de cada coluna</translation>
    </message>
    <message>
        <source>Divide by the range between the two quantiles</source>
        <translation>Dividir pelo intervalo entre os dois quantis</translation>
    </message>
    <message>
        <source>Lower quantile (%)</source>
        <translation>Quantil inferior (%)</translation>
    </message>
    <message>
        <source>Upper quantile (%)</source>
        <translation>Quantil superior (%)</translation>
    </message>
    <message>
        <source>Polynomial features</source>
        <translation>Atributos polinomiais</translation>
    </message>
    <message>
        <source>Replaces the features by all their products up to a degree (a, b, a^2, a b, b^2), as scikit-learn&apos;s PolynomialFeatures, so a linear model can fit curves and interactions. Unlike scikit-learn it adds no constant &quot;1&quot; column by default: every model here fits its own intercept. All features must be numeric.</source>
        <translation>Substitui os atributos por todos os seus produtos até um grau (a, b, a^2, a b, b^2), como o PolynomialFeatures do scikit-learn, para que um modelo linear ajuste curvas e interações. Ao contrário do scikit-learn, não adiciona por padrão uma coluna constante &quot;1&quot;: todo modelo aqui ajusta o próprio intercepto. Todos os atributos devem ser numéricos.</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Highest total power of a term</source>
        <translation>Maior potência total de um termo</translation>
    </message>
    <message>
        <source>Interactions only</source>
        <translation>Só interações</translation>
    </message>
    <message>
        <source>Only products of different features, no powers such as a^2</source>
        <translation>Só produtos de atributos diferentes, sem potências como a^2</translation>
    </message>
    <message>
        <source>Constant column</source>
        <translation>Coluna constante</translation>
    </message>
    <message>
        <source>Add a column &quot;1&quot; (redundant with a model&apos;s intercept)</source>
        <translation>Adicionar uma coluna &quot;1&quot; (redundante com o intercepto de um modelo)</translation>
    </message>
    <message>
        <source>Power transform</source>
        <translation>Transformação de potência</translation>
    </message>
    <message>
        <source>Makes skewed numeric features more Gaussian. Yeo-Johnson (scikit-learn&apos;s PowerTransformer) learns one exponent per column by maximum likelihood and then standardises; log1p takes log(1 + x) and needs values above -1.</source>
        <translation>Torna atributos numéricos assimétricos mais gaussianos. O Yeo-Johnson (o PowerTransformer do scikit-learn) aprende um expoente por coluna por máxima verossimilhança e depois padroniza; o log1p calcula log(1 + x) e precisa de valores acima de -1.</translation>
    </message>
    <message>
        <source>Yeo-Johnson</source>
        <translation>Yeo-Johnson</translation>
    </message>
    <message>
        <source>log(1 + x)</source>
        <translation>log(1 + x)</translation>
    </message>
    <message>
        <source>Standardise</source>
        <translation>Padronizar</translation>
    </message>
    <message>
        <source>Yeo-Johnson: scale the result to zero mean and unit variance</source>
        <translation>Yeo-Johnson: escalar o resultado para média zero e variância unitária</translation>
    </message>
    <message>
        <source>Binning</source>
        <translation>Discretização</translation>
    </message>
    <message>
        <source>Cuts each numeric feature into intervals, as scikit-learn&apos;s KBinsDiscretizer: equal widths, or equal numbers of rows (quantiles). Output: one 0/1 column per bin, or the bin number.</source>
        <translation>Corta cada atributo numérico em intervalos, como o KBinsDiscretizer do scikit-learn: larguras iguais ou números iguais de linhas (quantis). Saída: uma coluna 0/1 por faixa, ou o número da faixa.</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>Faixas</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Saída</translation>
    </message>
    <message>
        <source>One column per bin</source>
        <translation>Uma coluna por faixa</translation>
    </message>
    <message>
        <source>Bin number</source>
        <translation>Número da faixa</translation>
    </message>
    <message>
        <source>Bin edges</source>
        <translation>Limites das faixas</translation>
    </message>
    <message>
        <source>Quantiles (equal counts)</source>
        <translation>Quantis (contagens iguais)</translation>
    </message>
    <message>
        <source>Uniform (equal widths)</source>
        <translation>Uniformes (larguras iguais)</translation>
    </message>
    <message>
        <source>Variance threshold</source>
        <translation>Limiar de variância</translation>
    </message>
    <message>
        <source>Drops numeric features whose variance is not above a threshold; with 0, the constant ones. As scikit-learn&apos;s VarianceThreshold. The target and other columns are kept.</source>
        <translation>Descarta atributos numéricos cuja variância não está acima de um limiar; com 0, os constantes. Como o VarianceThreshold do scikit-learn. O alvo e as outras colunas são mantidos.</translation>
    </message>
    <message>
        <source>Selected data</source>
        <translation>Dados selecionados</translation>
    </message>
    <message>
        <source>Variances</source>
        <translation>Variâncias</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Limiar</translation>
    </message>
    <message>
        <source>Keep features with a larger variance</source>
        <translation>Manter atributos com variância maior</translation>
    </message>
    <message>
        <source>Select k best</source>
        <translation>Selecionar os k melhores</translation>
    </message>
    <message>
        <source>Keeps the k features most related to the target, as scikit-learn&apos;s SelectKBest: ANOVA F for a class target, correlation F for a numeric one. The scores output lists each feature&apos;s F, p-value and whether it was kept.</source>
        <translation>Mantém os k atributos mais relacionados ao alvo, como o SelectKBest do scikit-learn: F da ANOVA para um alvo de classes, F da correlação para um numérico. A saída de pontuações lista o F de cada atributo, o valor-p e se ele foi mantido.</translation>
    </message>
    <message>
        <source>Features to keep (k)</source>
        <translation>Atributos a manter (k)</translation>
    </message>
    <message>
        <source>0 keeps all features (scikit-learn&apos;s k=&quot;all&quot;)</source>
        <translation>0 mantém todos os atributos (k=&quot;all&quot; do scikit-learn)</translation>
    </message>
    <message>
        <source>From the target&apos;s type</source>
        <translation>Pelo tipo do alvo</translation>
    </message>
    <message>
        <source>ANOVA F (classes)</source>
        <translation>F da ANOVA (classes)</translation>
    </message>
    <message>
        <source>Correlation F (numbers)</source>
        <translation>F da correlação (números)</translation>
    </message>
    <message>
        <source>Learn a constant term; without it the model passes through the origin</source>
        <translation>Aprender um termo constante; sem ele o modelo passa pela origem</translation>
    </message>
    <message>
        <source>Regularisation (alpha)</source>
        <translation>Regularização (alpha)</translation>
    </message>
    <message>
        <source>Penalty strength: larger values shrink the coefficients more</source>
        <translation>Força da penalidade: valores maiores encolhem mais os coeficientes</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>Pesos das classes</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Balanceados</translation>
    </message>
    <message>
        <source>Balanced weighs each class inversely to its frequency, so rare classes count as much as common ones</source>
        <translation>Balanceados dá a cada classe um peso inverso à sua frequência, para que classes raras contem tanto quanto as comuns</translation>
    </message>
    <message>
        <source>Seed of the random choices: same seed, same result</source>
        <translation>Semente das escolhas aleatórias: mesma semente, mesmo resultado</translation>
    </message>
    <message>
        <source>Linear regression</source>
        <translation>Regressão linear</translation>
    </message>
    <message>
        <source>the features are linearly dependent (rank %1 of %2): the coefficients are the smallest of many equally good solutions</source>
        <translation>os atributos são linearmente dependentes (posto %1 de %2): os coeficientes são a menor de muitas soluções igualmente boas</translation>
    </message>
    <message>
        <source>Ridge regression</source>
        <translation>Regressão ridge</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <source>Elastic net</source>
        <translation>Elastic net</translation>
    </message>
    <message>
        <source>L1 ratio</source>
        <translation>Proporção L1</translation>
    </message>
    <message>
        <source>Share of the penalty that is L1 (lasso): 1 is the lasso, 0 is ridge</source>
        <translation>Parte da penalidade que é L1 (lasso): 1 é o lasso, 0 é o ridge</translation>
    </message>
    <message>
        <source>Passes over the features before giving up</source>
        <translation>Passagens pelos atributos antes de desistir</translation>
    </message>
    <message>
        <source>Stop when the duality gap is this small, relative to the target&apos;s spread</source>
        <translation>Parar quando a lacuna de dualidade for tão pequena, em relação à dispersão do alvo</translation>
    </message>
    <message>
        <source>Positive coefficients</source>
        <translation>Coeficientes positivos</translation>
    </message>
    <message>
        <source>Force every coefficient to be zero or more</source>
        <translation>Forçar todo coeficiente a ser zero ou mais</translation>
    </message>
    <message>
        <source>Linear SVM</source>
        <translation>SVM linear</translation>
    </message>
    <message>
        <source>SVM (kernel)</source>
        <translation>SVM (kernel)</translation>
    </message>
    <message>
        <source>SVR</source>
        <translation>SVR</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>RBF (Gaussian)</source>
        <translation>RBF (gaussiano)</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Polynomial</source>
        <translation>Polinomial</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoide</translation>
    </message>
    <message>
        <source>The similarity between rows that the SVM works with</source>
        <translation>A semelhança entre linhas com que a SVM trabalha</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Kernel width for RBF, polynomial and sigmoid; 0 means &apos;scale&apos;: 1 / (features × variance of the data)</source>
        <translation>Largura do kernel para RBF, polinomial e sigmoide; 0 significa &apos;scale&apos;: 1 / (atributos × variância dos dados)</translation>
    </message>
    <message>
        <source>Degree of the polynomial kernel</source>
        <translation>Grau do kernel polinomial</translation>
    </message>
    <message>
        <source>Kernel constant (coef0)</source>
        <translation>Constante do kernel (coef0)</translation>
    </message>
    <message>
        <source>Constant term of the polynomial and sigmoid kernels</source>
        <translation>Termo constante dos kernels polinomial e sigmoide</translation>
    </message>
    <message>
        <source>Stop when the optimality conditions hold to this precision</source>
        <translation>Parar quando as condições de otimalidade valerem com esta precisão</translation>
    </message>
    <message>
        <source>Kernel cache (MB)</source>
        <translation>Cache do kernel (MB)</translation>
    </message>
    <message>
        <source>Memory for cached kernel values; more is faster</source>
        <translation>Memória para valores de kernel em cache; mais é mais rápido</translation>
    </message>
    <message>
        <source>Shrinking</source>
        <translation>Encolhimento</translation>
    </message>
    <message>
        <source>Skip rows that are settled; usually faster</source>
        <translation>Pular linhas já resolvidas; em geral, mais rápido</translation>
    </message>
    <message>
        <source>Ordinary least squares: the straight-line (hyperplane) fit that minimises the squared errors, as scikit-learn&apos;s LinearRegression. Linearly dependent features get the smallest coefficients that fit equally well.</source>
        <translation>Mínimos quadrados ordinários: o ajuste por reta (hiperplano) que minimiza os erros quadráticos, como o LinearRegression do scikit-learn. Atributos linearmente dependentes recebem os menores coeficientes que ajustam igualmente bem.</translation>
    </message>
    <message>
        <source>Least squares with an L2 penalty that shrinks the coefficients, as scikit-learn&apos;s Ridge: steadier than plain least squares when features are correlated or rows are few.</source>
        <translation>Mínimos quadrados com uma penalidade L2 que encolhe os coeficientes, como o Ridge do scikit-learn: mais estável que os mínimos quadrados simples quando os atributos são correlacionados ou as linhas são poucas.</translation>
    </message>
    <message>
        <source>Least squares with an L1 penalty, fitted by coordinate descent as scikit-learn&apos;s Lasso: it sets the coefficients of unhelpful features to exactly zero. Scale the features first.</source>
        <translation>Mínimos quadrados com uma penalidade L1, ajustados por descida por coordenadas como o Lasso do scikit-learn: zera exatamente os coeficientes de atributos inúteis. Padronize os atributos antes.</translation>
    </message>
    <message>
        <source>Least squares with a mix of L1 and L2 penalties, as scikit-learn&apos;s ElasticNet: selects features like the lasso while sharing weight among correlated ones like ridge.</source>
        <translation>Mínimos quadrados com uma mistura de penalidades L1 e L2, como o ElasticNet do scikit-learn: seleciona atributos como o lasso e divide o peso entre atributos correlacionados como o ridge.</translation>
    </message>
    <message>
        <source>A linear support vector classifier (squared hinge loss, one-vs-rest) by liblinear, as scikit-learn&apos;s LinearSVC. Fast on large data; gives classes but no probabilities. Scale the features first.</source>
        <translation>Um classificador linear de vetores de suporte (perda hinge quadrática, um-contra-todos) pelo liblinear, como o LinearSVC do scikit-learn. Rápido em dados grandes; dá classes, mas não probabilidades. Padronize os atributos antes.</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Penalidade</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L1 sets the weights of unhelpful features to zero (solved in the primal)</source>
        <translation>L1 zera os pesos de atributos inúteis (resolvido no primal)</translation>
    </message>
    <message>
        <source>Stopping tolerance of the solver</source>
        <translation>Tolerância de parada do resolvedor</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>Probabilidades</translation>
    </message>
    <message>
        <source>Calibrate class probabilities (Platt scaling by internal 5-fold cross-validation): about five times slower</source>
        <translation>Calibrar probabilidades de classe (escalonamento de Platt por validação cruzada interna em 5 partes): cerca de cinco vezes mais lento</translation>
    </message>
    <message>
        <source>A support vector classifier with a kernel (RBF by default) by libsvm, as scikit-learn&apos;s SVC: draws curved class boundaries. Up to 20,000 training rows; scale the features first.</source>
        <translation>Um classificador de vetores de suporte com kernel (RBF por padrão) pelo libsvm, como o SVC do scikit-learn: traça fronteiras de classe curvas. Até 20.000 linhas de treinamento; padronize os atributos antes.</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <source>Errors smaller than this cost nothing (width of the tube around the fit)</source>
        <translation>Erros menores que isto não custam nada (largura do tubo em torno do ajuste)</translation>
    </message>
    <message>
        <source>Support vector regression with a kernel by libsvm, as scikit-learn&apos;s SVR. Up to 20,000 training rows; scale the features (and ideally the target) first.</source>
        <translation>Regressão por vetores de suporte com kernel pelo libsvm, como o SVR do scikit-learn. Até 20.000 linhas de treinamento; padronize os atributos (e, idealmente, o alvo) antes.</translation>
    </message>
    <message>
        <source>A linear classifier giving class probabilities, as scikit-learn&apos;s LogisticRegression: by default multinomial with an L2 penalty fitted by L-BFGS, its loss drawn live while it trains; the L1 penalty (or the liblinear solver) fits one class against the rest with liblinear.</source>
        <translation>Um classificador linear que dá probabilidades de classe, como o LogisticRegression do scikit-learn: por padrão multinomial com penalidade L2 ajustada por L-BFGS, com a perda desenhada ao vivo durante o treino; a penalidade L1 (ou o resolvedor liblinear) ajusta cada classe contra as demais com o liblinear.</translation>
    </message>
    <message>
        <source>L-BFGS iterations before giving up (liblinear has its own limits)</source>
        <translation>Iterações do L-BFGS antes de desistir (o liblinear tem seus próprios limites)</translation>
    </message>
    <message>
        <source>L1 sets the weights of unhelpful features to zero; it is fitted by liblinear</source>
        <translation>L1 zera os pesos de atributos inúteis; é ajustada pelo liblinear</translation>
    </message>
    <message>
        <source>Solver</source>
        <translation>Resolvedor</translation>
    </message>
    <message>
        <source>L-BFGS (multinomial)</source>
        <translation>L-BFGS (multinomial)</translation>
    </message>
    <message>
        <source>liblinear (one-vs-rest)</source>
        <translation>liblinear (um-contra-todos)</translation>
    </message>
    <message>
        <source>liblinear fits one class against the rest and penalises the intercept; the L1 penalty always uses it</source>
        <translation>O liblinear ajusta cada classe contra as demais e penaliza o intercepto; a penalidade L1 sempre o usa</translation>
    </message>
    <message>
        <source>Seed of liblinear&apos;s random coordinate order</source>
        <translation>Semente da ordem aleatória de coordenadas do liblinear</translation>
    </message>
    <message>
        <source>Principal component analysis, as scikit-learn&apos;s PCA: replaces the numeric features by their projections PC1, PC2… on the directions of largest variance, learned from this node&apos;s input. The variance output shows how much each component explains. Scale the features first when their units differ.</source>
        <translation>Análise de componentes principais, como o PCA do scikit-learn: substitui os atributos numéricos por suas projeções PC1, PC2… nas direções de maior variância, aprendidas da entrada deste nó. A saída de variância mostra quanto cada componente explica. Padronize os atributos antes quando suas unidades forem diferentes.</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Componentes</translation>
    </message>
    <message>
        <source>Explained variance</source>
        <translation>Variância explicada</translation>
    </message>
    <message>
        <source>How many components to keep; 0 keeps all, and a fraction such as 0.95 keeps the fewest that explain that share of the variance</source>
        <translation>Quantos componentes manter; 0 mantém todos, e uma fração como 0,95 mantém o menor número que explica essa parte da variância</translation>
    </message>
    <message>
        <source>Whiten</source>
        <translation>Branqueamento</translation>
    </message>
    <message>
        <source>Scale every component to unit variance</source>
        <translation>Escalar cada componente para variância unitária</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Full SVD (most accurate)</source>
        <translation>SVD completa (mais precisa)</translation>
    </message>
    <message>
        <source>Covariance eigenvectors (tall data)</source>
        <translation>Autovetores da covariância (dados altos)</translation>
    </message>
    <message>
        <source>Truncated, Lanczos (wide data)</source>
        <translation>Truncado, Lanczos (dados largos)</translation>
    </message>
    <message>
        <source>All give the same components; they differ in speed and in the precision of tiny variances</source>
        <translation>Todos dão os mesmos componentes; diferem na velocidade e na precisão de variâncias minúsculas</translation>
    </message>
    <message>
        <source>Maximum depth</source>
        <translation>Profundidade máxima</translation>
    </message>
    <message>
        <source>Deepest level of the tree; 0 grows it until every leaf is pure</source>
        <translation>Nível mais profundo da árvore; 0 a faz crescer até que toda folha seja pura</translation>
    </message>
    <message>
        <source>Deepest level of each tree</source>
        <translation>Nível mais profundo de cada árvore</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Critério</translation>
    </message>
    <message>
        <source>Gini impurity</source>
        <translation>Impureza de Gini</translation>
    </message>
    <message>
        <source>Entropy (information gain)</source>
        <translation>Entropia (ganho de informação)</translation>
    </message>
    <message>
        <source>How the purity of a split is measured</source>
        <translation>Como a pureza de uma divisão é medida</translation>
    </message>
    <message>
        <source>Minimum rows to split</source>
        <translation>Mínimo de linhas para dividir</translation>
    </message>
    <message>
        <source>A node with fewer rows becomes a leaf</source>
        <translation>Um nó com menos linhas vira uma folha</translation>
    </message>
    <message>
        <source>Minimum rows per leaf</source>
        <translation>Mínimo de linhas por folha</translation>
    </message>
    <message>
        <source>Each side of a split keeps at least this many rows</source>
        <translation>Cada lado de uma divisão mantém pelo menos este número de linhas</translation>
    </message>
    <message>
        <source>Features per split</source>
        <translation>Atributos por divisão</translation>
    </message>
    <message>
        <source>Features drawn at random at each node: empty for all, &apos;sqrt&apos;, &apos;log2&apos;, a number of features or a fraction such as 0.5</source>
        <translation>Atributos sorteados em cada nó: vazio para todos, &apos;sqrt&apos;, &apos;log2&apos;, um número de atributos ou uma fração como 0.5</translation>
    </message>
    <message>
        <source>Same seed, same data: same model</source>
        <translation>Mesma semente, mesmos dados: mesmo modelo</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Threads used for training; 0 uses every core. The result does not depend on it</source>
        <translation>Threads usadas no treinamento; 0 usa todos os núcleos. O resultado não depende disso</translation>
    </message>
    <message>
        <source>Decision tree classifier</source>
        <translation>Classificador árvore de decisão</translation>
    </message>
    <message>
        <source>Decision tree regressor</source>
        <translation>Regressor árvore de decisão</translation>
    </message>
    <message>
        <source>Random forest classifier</source>
        <translation>Classificador floresta aleatória</translation>
    </message>
    <message>
        <source>Random forest regressor</source>
        <translation>Regressor floresta aleatória</translation>
    </message>
    <message>
        <source>Gradient boosting classifier</source>
        <translation>Classificador gradient boosting</translation>
    </message>
    <message>
        <source>Gradient boosting regressor</source>
        <translation>Regressor gradient boosting</translation>
    </message>
    <message>
        <source>A CART tree of yes/no questions on the features, as scikit-learn&apos;s DecisionTreeClassifier; each leaf gives class probabilities. Limit its depth to see and explain it, and to avoid overfitting.</source>
        <translation>Uma árvore CART de perguntas de sim/não sobre os atributos, como o DecisionTreeClassifier do scikit-learn; cada folha dá probabilidades de classe. Limite sua profundidade para vê-la e explicá-la, e para evitar sobreajuste.</translation>
    </message>
    <message>
        <source>A CART tree of yes/no questions on the features, as scikit-learn&apos;s DecisionTreeRegressor; each leaf predicts the mean target of its training rows.</source>
        <translation>Uma árvore CART de perguntas de sim/não sobre os atributos, como o DecisionTreeRegressor do scikit-learn; cada folha prevê a média do alvo das suas linhas de treinamento.</translation>
    </message>
    <message>
        <source>Many decision trees, each grown on a bootstrap sample of the rows with a random subset of features at each split; their average is steadier than any single tree. As scikit-learn&apos;s RandomForestClassifier / RandomForestRegressor.</source>
        <translation>Muitas árvores de decisão, cada uma crescida numa amostra bootstrap das linhas com um subconjunto aleatório de atributos em cada divisão; a média delas é mais estável que qualquer árvore isolada. Como o RandomForestClassifier / RandomForestRegressor do scikit-learn.</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Árvores</translation>
    </message>
    <message>
        <source>Number of trees in the forest</source>
        <translation>Número de árvores na floresta</translation>
    </message>
    <message>
        <source>Bootstrap</source>
        <translation>Bootstrap</translation>
    </message>
    <message>
        <source>Grow each tree on rows drawn with replacement</source>
        <translation>Crescer cada árvore em linhas sorteadas com reposição</translation>
    </message>
    <message>
        <source>Out-of-bag score</source>
        <translation>Pontuação out-of-bag</translation>
    </message>
    <message>
        <source>Score each row with the trees that did not see it: a free estimate of the test score</source>
        <translation>Avaliar cada linha com as árvores que não a viram: uma estimativa gratuita da pontuação de teste</translation>
    </message>
    <message>
        <source>Gradient-boosted trees (XGBoost, histogram method): each new tree corrects the errors of the ones before. A strong default for tabular data. Its training loss is drawn live.</source>
        <translation>Árvores com gradient boosting (XGBoost, método de histograma): cada nova árvore corrige os erros das anteriores. Uma boa escolha padrão para dados tabulares. Sua perda de treinamento é desenhada ao vivo.</translation>
    </message>
    <message>
        <source>Boosting rounds</source>
        <translation>Rodadas de boosting</translation>
    </message>
    <message>
        <source>Trees added one after the other</source>
        <translation>Árvores adicionadas uma após a outra</translation>
    </message>
    <message>
        <source>Shrinks each tree&apos;s contribution; smaller values need more rounds but generalise better</source>
        <translation>Encolhe a contribuição de cada árvore; valores menores precisam de mais rodadas, mas generalizam melhor</translation>
    </message>
    <message>
        <source>Row fraction</source>
        <translation>Fração de linhas</translation>
    </message>
    <message>
        <source>Fraction of rows sampled for each tree</source>
        <translation>Fração de linhas sorteadas para cada árvore</translation>
    </message>
    <message>
        <source>Feature fraction</source>
        <translation>Fração de atributos</translation>
    </message>
    <message>
        <source>Fraction of features sampled for each tree</source>
        <translation>Fração de atributos sorteados para cada árvore</translation>
    </message>
    <message>
        <source>L2 regularisation</source>
        <translation>Regularização L2</translation>
    </message>
    <message>
        <source>Penalty on leaf weights</source>
        <translation>Penalidade sobre os pesos das folhas</translation>
    </message>
    <message>
        <source>Early stopping rounds</source>
        <translation>Rodadas para parada antecipada</translation>
    </message>
    <message>
        <source>Stop when the loss on held-out rows has not improved for this many rounds; 0 trains every round</source>
        <translation>Parar quando a perda nas linhas separadas não melhorar por este número de rodadas; 0 treina todas as rodadas</translation>
    </message>
    <message>
        <source>Validation fraction</source>
        <translation>Fração de validação</translation>
    </message>
    <message>
        <source>Share of the rows (the last ones) held out for early stopping</source>
        <translation>Parte das linhas (as últimas) separada para a parada antecipada</translation>
    </message>
    <message>
        <source>a comment must be an object</source>
        <translation>um comentário deve ser um objeto</translation>
    </message>
    <message>
        <source>comment id must be text</source>
        <translation>o id do comentário deve ser texto</translation>
    </message>
    <message>
        <source>comment text must be text</source>
        <translation>o texto do comentário deve ser texto</translation>
    </message>
    <message>
        <source>%1 must be [x, y]</source>
        <translation>%1 deve ser [x, y]</translation>
    </message>
    <message>
        <source>&quot;comments&quot; must be a list</source>
        <translation>&quot;comments&quot; deve ser uma lista</translation>
    </message>
    <message>
        <source>the data has no feature columns to reduce</source>
        <translation>os dados não têm colunas de atributos para reduzir</translation>
    </message>
    <message>
        <source>PCA needs at least 2 rows, not %1</source>
        <translation>o PCA precisa de pelo menos 2 linhas, não %1</translation>
    </message>
    <message>
        <source>n_components must be 0 (all), a whole number of components or a fraction of variance below 1, not %1</source>
        <translation>n_components deve ser 0 (todos), um número inteiro de componentes ou uma fração da variância abaixo de 1, não %1</translation>
    </message>
    <message>
        <source>PCA cannot keep %1 components from %2 rows and %3 features</source>
        <translation>o PCA não pode manter %1 componentes a partir de %2 linhas e %3 atributos</translation>
    </message>
    <message>
        <source>the arpack solver needs a whole number of components below %1; choose the full solver</source>
        <translation>o resolvedor arpack precisa de um número inteiro de componentes abaixo de %1; escolha o resolvedor completo</translation>
    </message>
    <message>
        <source>the arpack solver did not converge; choose the full solver</source>
        <translation>o resolvedor arpack não convergiu; escolha o resolvedor completo</translation>
    </message>
    <message>
        <source>every feature is constant, so PCA finds no direction of variance</source>
        <translation>todos os atributos são constantes, então o PCA não encontra nenhuma direção de variância</translation>
    </message>
    <message>
        <source>t-SNE needs at least 3 rows, got %1</source>
        <translation>o t-SNE precisa de pelo menos 3 linhas, recebeu %1</translation>
    </message>
    <message>
        <source>the perplexity (%1) must be less than the number of rows (%2)</source>
        <translation>a perplexidade (%1) deve ser menor que o número de linhas (%2)</translation>
    </message>
    <message>
        <source>trustworthiness needs more than twice %1 rows</source>
        <translation>a confiabilidade precisa de mais que o dobro de %1 linhas</translation>
    </message>
    <message>
        <source>binning needs at least 2 bins, not %1</source>
        <translation>a discretização precisa de pelo menos 2 faixas, não %1</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;, row %2: &apos;%3&apos; is not a number</source>
        <translation>coluna &apos;%1&apos;, linha %2: &apos;%3&apos; não é um número</translation>
    </message>
    <message>
        <source>the new name for column &apos;%1&apos; is empty</source>
        <translation>o novo nome da coluna &apos;%1&apos; está vazio</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is renamed twice</source>
        <translation>a coluna &apos;%1&apos; foi renomeada duas vezes</translation>
    </message>
    <message>
        <source>the encoder was fitted on column &apos;%1&apos;, which this table does not have</source>
        <translation>o codificador foi ajustado na coluna &apos;%1&apos;, que esta tabela não tem</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is %2 here but was %3 when the encoder was fitted</source>
        <translation>a coluna &apos;%1&apos; é %2 aqui, mas era %3 quando o codificador foi ajustado</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;, row %2: category &apos;%3&apos; was not seen when the encoder was fitted</source>
        <translation>coluna &apos;%1&apos;, linha %2: a categoria &apos;%3&apos; não foi vista quando o codificador foi ajustado</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has missing values; impute them before encoding</source>
        <translation>a coluna &apos;%1&apos; tem valores ausentes; faça a imputação antes de codificar</translation>
    </message>
    <message>
        <source>the unknown value %1 is already the code of a category of column &apos;%2&apos;; use -1 or a number of at least %3</source>
        <translation>o valor desconhecido %1 já é o código de uma categoria da coluna &apos;%2&apos;; use -1 ou um número de pelo menos %3</translation>
    </message>
    <message>
        <source>no feature has a variance above %1</source>
        <translation>nenhum atributo tem variância acima de %1</translation>
    </message>
    <message>
        <source>the data has no feature columns to select from</source>
        <translation>os dados não têm colunas de atributos para selecionar</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; is categorical; the regression F test needs a numeric target</source>
        <translation>a coluna-alvo &apos;%1&apos; é categórica; o teste F de regressão precisa de um alvo numérico</translation>
    </message>
    <message>
        <source>k = %1 is more than the %2 features; all are kept</source>
        <translation>k = %1 é maior que os %2 atributos; todos são mantidos</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is categorical; impute it with the most frequent value or a constant, not the %2</source>
        <translation>a coluna &apos;%1&apos; é categórica; faça a imputação com o valor mais frequente ou uma constante, não com a %2</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is numeric, but the fill value &apos;%2&apos; is not a number</source>
        <translation>a coluna &apos;%1&apos; é numérica, mas o valor de preenchimento &apos;%2&apos; não é um número</translation>
    </message>
    <message>
        <source>the polynomial degree must be at least 1, not %1</source>
        <translation>o grau do polinômio deve ser pelo menos 1, não %1</translation>
    </message>
    <message>
        <source>the likelihood has no minimum to bracket</source>
        <translation>a verossimilhança não tem um mínimo a delimitar</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; needs at least two values for the Yeo-Johnson transform</source>
        <translation>a coluna &apos;%1&apos; precisa de pelo menos dois valores para a transformação de Yeo-Johnson</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is constant: the Yeo-Johnson transform has no best exponent for it; drop the column</source>
        <translation>a coluna &apos;%1&apos; é constante: a transformação de Yeo-Johnson não tem um melhor expoente para ela; descarte a coluna</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is categorical; outliers are found in numeric columns only</source>
        <translation>a coluna &apos;%1&apos; é categórica; valores atípicos são procurados apenas em colunas numéricas</translation>
    </message>
    <message>
        <source>&apos;contains&apos; needs a categorical column, but &apos;%1&apos; is numeric</source>
        <translation>&apos;contém&apos; precisa de uma coluna categórica, mas &apos;%1&apos; é numérica</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is numeric, but &apos;%2&apos; is not a number</source>
        <translation>a coluna &apos;%1&apos; é numérica, mas &apos;%2&apos; não é um número</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is categorical; compare it with &apos;=&apos;, &apos;≠&apos; or &apos;contains&apos;, or cast it to numeric first</source>
        <translation>a coluna &apos;%1&apos; é categórica; compare-a com &apos;=&apos;, &apos;≠&apos; ou &apos;contém&apos;, ou converta-a antes para numérica</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is categorical; add an encoder before this step</source>
        <translation>a coluna &apos;%1&apos; é categórica; adicione um codificador antes desta etapa</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has %2 infinite values; remove or replace them before this model</source>
        <translation>a coluna &apos;%1&apos; tem %2 valores infinitos; remova-os ou substitua-os antes deste modelo</translation>
    </message>
    <message>
        <source>this step was fitted on column &apos;%1&apos;, which this table does not have</source>
        <translation>esta etapa foi ajustada na coluna &apos;%1&apos;, que esta tabela não tem</translation>
    </message>
    <message>
        <source>this step was fitted on numeric column &apos;%1&apos;, which is categorical here</source>
        <translation>esta etapa foi ajustada na coluna numérica &apos;%1&apos;, que aqui é categórica</translation>
    </message>
    <message>
        <source>the feature range&apos;s minimum (%1) must be smaller than its maximum (%2)</source>
        <translation>o mínimo do intervalo dos atributos (%1) deve ser menor que seu máximo (%2)</translation>
    </message>
    <message>
        <source>invalid quantile range %1–%2: it needs 0 ≤ low ≤ high ≤ 100</source>
        <translation>intervalo de quantis inválido %1–%2: é preciso 0 ≤ inferior ≤ superior ≤ 100</translation>
    </message>
    <message>
        <source>Compares predictions with the true target. Classification: accuracy, balanced accuracy, precision, recall and F1 (macro and weighted), the confusion matrix and, from the class probabilities, log loss, ROC and precision-recall curves with their AUC. Regression: R², MAE, MSE, RMSE and the residuals. Clustering: silhouette, Davies-Bouldin, Calinski-Harabasz and, with a target column, ARI and NMI.</source>
        <translation>Compara as previsões com o alvo verdadeiro. Classificação: acurácia, acurácia balanceada, precisão, revocação e F1 (macro e ponderados), a matriz de confusão e, a partir das probabilidades de classe, perda logarítmica, curvas ROC e de precisão-revocação com suas AUC. Regressão: R², MAE, MSE, RMSE e os resíduos. Agrupamento: silhueta, Davies-Bouldin, Calinski-Harabasz e, com uma coluna alvo, ARI e NMI.</translation>
    </message>
    <message>
        <source>DBSCAN handles at most %1 rows</source>
        <translation>O DBSCAN aceita no máximo %1 linhas</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is categorical; add an encoder before this model</source>
        <translation>a coluna &apos;%1&apos; é categórica; adicione um codificador antes deste modelo</translation>
    </message>
    <message>
        <source>this is not a folder</source>
        <translation>isto não é uma pasta</translation>
    </message>
    <message>
        <source>folder not found</source>
        <translation>pasta não encontrada</translation>
    </message>
    <message>
        <source>the folder has no sub-folders; put the images of each class in a sub-folder named after the class</source>
        <translation>a pasta não tem subpastas; coloque as imagens de cada classe numa subpasta com o nome da classe</translation>
    </message>
    <message>
        <source>no PNG, JPEG or BMP images were found in the folder&apos;s sub-folders</source>
        <translation>nenhuma imagem PNG, JPEG ou BMP foi encontrada nas subpastas da pasta</translation>
    </message>
    <message>
        <source>the image size must be at least 1 × 1 pixels</source>
        <translation>o tamanho da imagem deve ser de pelo menos 1 × 1 pixel</translation>
    </message>
    <message>
        <source>cannot list the folder: %1</source>
        <translation>não é possível listar a pasta: %1</translation>
    </message>
    <message>
        <source>cannot read this image: %1</source>
        <translation>não é possível ler esta imagem: %1</translation>
    </message>
    <message>
        <source>%1 files that are not PNG, JPEG or BMP images were skipped</source>
        <translation>%1 arquivos que não são imagens PNG, JPEG ou BMP foram ignorados</translation>
    </message>
    <message>
        <source>the class folder &apos;%1&apos; holds no images; it is left out</source>
        <translation>a pasta de classe &apos;%1&apos; não contém imagens; ela foi deixada de fora</translation>
    </message>
    <message>
        <source>a split without shuffling cannot be stratified; turn one of them off</source>
        <translation>uma divisão sem embaralhamento não pode ser estratificada; desligue uma das duas opções</translation>
    </message>
    <message>
        <source>Shuffle rows</source>
        <translation>Embaralhar linhas</translation>
    </message>
    <message>
        <source>Off: the last rows are the test rows, in order, so a forecast is tested on the future it never saw</source>
        <translation>Desligado: as últimas linhas são as de teste, em ordem, para que uma previsão seja testada no futuro que ela nunca viu</translation>
    </message>
    <message>
        <source>Transfer learning</source>
        <translation>Aprendizado por transferência</translation>
    </message>
    <message>
        <source>Neural network</source>
        <translation>Rede neural</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarefa</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classificação</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Regressão</translation>
    </message>
    <message>
        <source>Automatic classifies a categorical target or one with at most 20 whole-number values, and regresses otherwise</source>
        <translation>Automático classifica um alvo categórico ou com no máximo 20 valores inteiros, e faz regressão nos demais casos</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>How the weights follow the gradient: Adam adapts the step per weight; SGD takes plain steps, with momentum</source>
        <translation>Como os pesos seguem o gradiente: o Adam adapta o passo de cada peso; o SGD dá passos simples, com momento</translation>
    </message>
    <message>
        <source>Size of each step; too large diverges, too small crawls</source>
        <translation>Tamanho de cada passo; grande demais diverge, pequeno demais se arrasta</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <source>SGD only: fraction of the previous step carried into the next</source>
        <translation>Só SGD: fração do passo anterior levada ao próximo</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Momento de Nesterov</translation>
    </message>
    <message>
        <source>SGD only: look ahead along the momentum before taking the gradient</source>
        <translation>Só SGD: olhar adiante na direção do momento antes de calcular o gradiente</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Decaimento dos pesos</translation>
    </message>
    <message>
        <source>Pulls weights towards zero against overfitting (decoupled from the gradient for AdamW)</source>
        <translation>Puxa os pesos para zero contra o sobreajuste (desacoplado do gradiente no AdamW)</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>Agenda da taxa de aprendizado</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>Decaimento em degraus</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Cosseno</translation>
    </message>
    <message>
        <source>Reduce on plateau</source>
        <translation>Reduzir no platô</translation>
    </message>
    <message>
        <source>Step multiplies the rate by the decay every few epochs; cosine lowers it smoothly to zero; reduce on plateau multiplies it by the decay when the validation loss stalls for half the patience</source>
        <translation>Degraus multiplica a taxa pelo fator de decaimento a cada tantas épocas; cosseno a reduz suavemente até zero; reduzir no platô a multiplica pelo fator quando a perda de validação estaciona por metade da paciência</translation>
    </message>
    <message>
        <source>Step size (epochs)</source>
        <translation>Tamanho do degrau (épocas)</translation>
    </message>
    <message>
        <source>Step decay: epochs between two decays</source>
        <translation>Decaimento em degraus: épocas entre dois decaimentos</translation>
    </message>
    <message>
        <source>Decay factor</source>
        <translation>Fator de decaimento</translation>
    </message>
    <message>
        <source>Step decay and reduce on plateau: the factor applied to the learning rate</source>
        <translation>Decaimento em degraus e reduzir no platô: o fator aplicado à taxa de aprendizado</translation>
    </message>
    <message>
        <source>Rows per weight update</source>
        <translation>Linhas por atualização dos pesos</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Passes over the training rows at most</source>
        <translation>Passagens pelas linhas de treinamento, no máximo</translation>
    </message>
    <message>
        <source>Training rows held out to measure the validation loss when no validation input is connected; 0 = none</source>
        <translation>Linhas de treinamento separadas para medir a perda de validação quando nenhuma entrada de validação está conectada; 0 = nenhuma</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Parada antecipada</translation>
    </message>
    <message>
        <source>Stop when the validation loss (the training loss without validation) has not improved for &apos;Patience&apos; epochs</source>
        <translation>Parar quando a perda de validação (a de treinamento, sem validação) não melhorar por &apos;Paciência&apos; épocas</translation>
    </message>
    <message>
        <source>Patience (epochs)</source>
        <translation>Paciência (épocas)</translation>
    </message>
    <message>
        <source>Epochs without improvement before early stopping</source>
        <translation>Épocas sem melhora antes da parada antecipada</translation>
    </message>
    <message>
        <source>Restore best weights</source>
        <translation>Restaurar os melhores pesos</translation>
    </message>
    <message>
        <source>End with the weights of the epoch with the lowest validation loss, not those of the last epoch</source>
        <translation>Terminar com os pesos da época de menor perda de validação, não com os da última época</translation>
    </message>
    <message>
        <source>Standardise inputs</source>
        <translation>Padronizar as entradas</translation>
    </message>
    <message>
        <source>Scale the inputs (and a regression target) to mean 0 and deviation 1 inside the network, using the training rows: each column on its own, or all pixels or time steps together when an input shape is set</source>
        <translation>Escalar as entradas (e um alvo de regressão) para média 0 e desvio 1 dentro da rede, usando as linhas de treinamento: cada coluna separadamente, ou todos os pixels ou passos de tempo juntos quando uma forma de entrada está definida</translation>
    </message>
    <message>
        <source>Seed of the initial weights, the shuffling and dropout: same seed, same network</source>
        <translation>Semente dos pesos iniciais, do embaralhamento e do dropout: mesma semente, mesma rede</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Threads de CPU</translation>
    </message>
    <message>
        <source>Threads LibTorch computes with; 0 = every core. Results repeat exactly for the same number of threads</source>
        <translation>Threads com que a LibTorch calcula; 0 = todos os núcleos. Os resultados se repetem exatamente com o mesmo número de threads</translation>
    </message>
    <message>
        <source>Input shape</source>
        <translation>Forma de entrada</translation>
    </message>
    <message>
        <source>How one row&apos;s feature columns are arranged: empty for a row of features, channels×height×width for images (1x8x8 for Digits), time×features for sequences (12x1 for 12 past values)</source>
        <translation>Como as colunas de atributos de uma linha se organizam: vazio para uma linha de atributos, canais×altura×largura para imagens (1x8x8 para Digits), tempo×atributos para sequências (12x1 para 12 valores passados)</translation>
    </message>
    <message>
        <source>Validation data</source>
        <translation>Dados de validação</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Camadas</translation>
    </message>
    <message>
        <source>The hidden layers, first to last; the output layer (one unit per class with softmax, or one value) is added after them</source>
        <translation>As camadas ocultas, da primeira à última; a camada de saída (uma unidade por classe com softmax, ou um valor) é acrescentada depois delas</translation>
    </message>
    <message>
        <source>A neural network trained with LibTorch: an MLP of Dense layers for tables, a CNN (Conv2d, pooling) for images given as pixel columns, an LSTM or GRU for time-series windows. Its training and validation loss grow live in the chart.</source>
        <translation>Uma rede neural treinada com a LibTorch: um MLP de camadas densas para tabelas, uma CNN (Conv2d, pooling) para imagens dadas como colunas de pixels, uma LSTM ou GRU para janelas de séries temporais. Suas perdas de treinamento e de validação aparecem ao vivo no gráfico.</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Rede base</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt *.pth)</source>
        <translation>Modelos TorchScript (*.pt *.pth)</translation>
    </message>
    <message>
        <source>A network pre-trained elsewhere and saved with torch.jit.save; its outputs become the features of the new head</source>
        <translation>Uma rede pré-treinada em outro lugar e salva com torch.jit.save; suas saídas viram os atributos da nova cabeça</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Congelar</translation>
    </message>
    <message>
        <source>The whole backbone</source>
        <translation>A rede base inteira</translation>
    </message>
    <message>
        <source>Its first layers</source>
        <translation>Suas primeiras camadas</translation>
    </message>
    <message>
        <source>Nothing (fine-tune all)</source>
        <translation>Nada (ajustar tudo)</translation>
    </message>
    <message>
        <source>Frozen weights keep what the backbone learnt; unfrozen ones adapt to your data</source>
        <translation>Pesos congelados guardam o que a rede base aprendeu; os não congelados se adaptam aos seus dados</translation>
    </message>
    <message>
        <source>Frozen layers</source>
        <translation>Camadas congeladas</translation>
    </message>
    <message>
        <source>With &apos;Its first layers&apos;: how many of the backbone&apos;s top-level layers stay fixed</source>
        <translation>Com &apos;Suas primeiras camadas&apos;: quantas das camadas de nível superior da rede base ficam fixas</translation>
    </message>
    <message>
        <source>Head layers</source>
        <translation>Camadas da cabeça</translation>
    </message>
    <message>
        <source>Layers added after the backbone, before the output layer for your classes</source>
        <translation>Camadas acrescentadas depois da rede base, antes da camada de saída para as suas classes</translation>
    </message>
    <message>
        <source>Fine-tunes a pre-trained TorchScript network on your data: its layers, frozen or not, feed a new head for your classes. Few labelled rows then go a long way.</source>
        <translation>Ajusta uma rede TorchScript pré-treinada aos seus dados: suas camadas, congeladas ou não, alimentam uma nova cabeça para as suas classes. Assim, poucas linhas rotuladas rendem muito.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was fitted on the whole series before the windows were cut (data leakage); move it after this node and the split</source>
        <translation>&apos;%1&apos; foi ajustado na série inteira antes de as janelas serem recortadas (vazamento de dados); mova-o para depois deste nó e da divisão</translation>
    </message>
    <message>
        <source>%1 of %2 windows held a missing value and were dropped</source>
        <translation>%1 de %2 janelas continham um valor ausente e foram descartadas</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>Pasta de imagens</translation>
    </message>
    <message>
        <source>Reads PNG, JPEG and BMP images from a folder holding one sub-folder per class; the sub-folder&apos;s name is the class label. Every image is resized to width × height and becomes one row: pixel columns c&lt;channel&gt;_&lt;row&gt;_&lt;column&gt; with values from 0 to 1, the class in &apos;label&apos; (the target) and the path in &apos;file&apos; (ignored). Other files are skipped. For a network, set its input shape to channels × height × width, e.g. 1x28x28 for grayscale 28 × 28 images or 3x32x32 for colour 32 × 32 ones.</source>
        <translation>Lê imagens PNG, JPEG e BMP de uma pasta com uma subpasta por classe; o nome da subpasta é o rótulo da classe. Cada imagem é redimensionada para largura × altura e vira uma linha: colunas de pixels c&lt;canal&gt;_&lt;linha&gt;_&lt;coluna&gt; com valores de 0 a 1, a classe em &apos;label&apos; (o alvo) e o caminho em &apos;file&apos; (ignorada). Outros arquivos são ignorados. Numa rede neural, defina o formato da entrada como canais × altura × largura, por exemplo 1x28x28 para imagens de 28 × 28 em tons de cinza ou 3x32x32 para imagens coloridas de 32 × 32.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imagens</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Pasta</translation>
    </message>
    <message>
        <source>Folder with one sub-folder of images per class</source>
        <translation>Pasta com uma subpasta de imagens por classe</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largura</translation>
    </message>
    <message>
        <source>Pixels per row after resizing</source>
        <translation>Pixels por linha após o redimensionamento</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Altura</translation>
    </message>
    <message>
        <source>Rows after resizing</source>
        <translation>Linhas após o redimensionamento</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Cor</translation>
    </message>
    <message>
        <source>Grayscale (1 channel)</source>
        <translation>Tons de cinza (1 canal)</translation>
    </message>
    <message>
        <source>RGB (3 channels)</source>
        <translation>RGB (3 canais)</translation>
    </message>
    <message>
        <source>Time-series windows</source>
        <translation>Janelas de série temporal</translation>
    </message>
    <message>
        <source>Cuts a series into sliding windows for forecasting: each row holds &apos;lookback&apos; consecutive values as features lag_&lt;lookback&gt; … lag_1, oldest first, and as target the value &apos;horizon&apos; steps after the last of them. Rows must be in time order; windows with a missing value are dropped; other columns are not carried. For an LSTM or other recurrent network set the input shape to &lt;lookback&gt;x1 (time × features). Scale after this node and the split, not before.</source>
        <translation>Recorta uma série em janelas deslizantes para previsão: cada linha traz &apos;lookback&apos; valores consecutivos como atributos lag_&lt;lookback&gt; … lag_1, do mais antigo ao mais recente, e como alvo o valor &apos;horizon&apos; passos depois do último deles. As linhas devem estar em ordem temporal; janelas com um valor ausente são descartadas; as outras colunas não são mantidas. Numa LSTM ou outra rede recorrente, defina o formato da entrada como &lt;lookback&gt;x1 (tempo × atributos). Padronize depois deste nó e da divisão, não antes.</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Janelas</translation>
    </message>
    <message>
        <source>Series column</source>
        <translation>Coluna da série</translation>
    </message>
    <message>
        <source>Numeric column, in time order; empty = the input&apos;s target</source>
        <translation>Coluna numérica, em ordem temporal; vazio = o alvo da entrada</translation>
    </message>
    <message>
        <source>Lookback</source>
        <translation>Janela de passado (lookback)</translation>
    </message>
    <message>
        <source>Past values in each window</source>
        <translation>Valores passados em cada janela</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizonte</translation>
    </message>
    <message>
        <source>Steps ahead of the last past value to predict</source>
        <translation>Quantos passos após o último valor passado prever</translation>
    </message>
    <message>
        <source>choose the column holding the series: the table has no target column</source>
        <translation>escolha a coluna com a série: a tabela não tem coluna-alvo</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is categorical; time windows need a numeric series</source>
        <translation>a coluna &apos;%1&apos; é categórica; janelas de série temporal precisam de uma série numérica</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has %2 values, but %3 lagged values and a horizon of %4 need at least %5</source>
        <translation>a coluna &apos;%1&apos; tem %2 valores, mas %3 valores defasados e um horizonte de %4 exigem pelo menos %5</translation>
    </message>
    <message>
        <source>every window of column &apos;%1&apos; has a missing value</source>
        <translation>todas as janelas da coluna &apos;%1&apos; têm um valor ausente</translation>
    </message>
    <message>
        <source>Grayscale: one channel, the brightness; RGB: red, green and blue channels, transparency dropped</source>
        <translation>Tons de cinza: um canal, o brilho; RGB: canais vermelho, verde e azul, sem a transparência</translation>
    </message>
    <message>
        <source>cannot export &apos;%1&apos; to ONNX: its emitter gave no complete output</source>
        <translation>não é possível exportar &apos;%1&apos; para ONNX: o emissor dele não gerou uma saída completa</translation>
    </message>
    <message>
        <source>cannot export to ONNX: column &apos;%1&apos; is needed but missing from the single input</source>
        <translation>não é possível exportar para ONNX: a coluna &apos;%1&apos; é necessária, mas falta na entrada única</translation>
    </message>
    <message>
        <source>cannot export to ONNX: the model uses no input column</source>
        <translation>não é possível exportar para ONNX: o modelo não usa nenhuma coluna de entrada</translation>
    </message>
    <message>
        <source>the exported graph fails ONNX&apos;s checks: %1</source>
        <translation>o grafo exportado não passa nas verificações do ONNX: %1</translation>
    </message>
    <message>
        <source>the model has no fitted estimator to export</source>
        <translation>o modelo não tem um estimador ajustado para exportar</translation>
    </message>
    <message>
        <source>a single input tensor needs every input column to be numeric, but &apos;%1&apos; is categorical</source>
        <translation>um único tensor de entrada exige que todas as colunas de entrada sejam numéricas, mas &apos;%1&apos; é categórica</translation>
    </message>
    <message>
        <source>cannot serialise the ONNX model</source>
        <translation>não é possível serializar o modelo ONNX</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>Exportar para ONNX</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>Resumo da exportação</translation>
    </message>
    <message>
        <source>ONNX file</source>
        <translation>Arquivo ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>Modelos ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Where to write the model; a relative path is taken from the pipeline&apos;s folder</source>
        <translation>Onde gravar o modelo; um caminho relativo parte da pasta do pipeline</translation>
    </message>
    <message>
        <source>One input tensor</source>
        <translation>Um único tensor de entrada</translation>
    </message>
    <message>
        <source>Wine, messy export</source>
        <translation>Vinhos, exportação bagunçada</translation>
    </message>
    <message>
        <source>The Wine data as a careless export: 14 duplicated rows, missing cells (empty, NA, ?), a colour category instead of the colour intensity, four mistyped magnesium values; classify the cultivar.</source>
        <translation>Os dados de vinhos como numa exportação descuidada: 14 linhas duplicadas, células ausentes (vazias, NA, ?), uma categoria de cor no lugar da intensidade de cor, quatro valores de magnésio digitados errado; classifique a cultivar.</translation>
    </message>
    <message>
        <source>the model&apos;s recipe has no parameter &apos;%1&apos; to vary (a decision tree varies max_depth; a Polynomial features step before the learner varies degree)</source>
        <translation>a receita do modelo não tem o parâmetro &apos;%1&apos; para variar (uma árvore de decisão varia max_depth; uma etapa de Atributos polinomiais antes do algoritmo varia degree)</translation>
    </message>
    <message>
        <source>give at least one value of &apos;%1&apos; to try</source>
        <translation>informe pelo menos um valor de &apos;%1&apos; para testar</translation>
    </message>
    <message>
        <source>A quick baseline for classification with numeric features; it works even with few training rows.</source>
        <translation>Uma referência rápida para classificação com atributos numéricos; funciona mesmo com poucas linhas de treinamento.</translation>
    </message>
    <message>
        <source>For classification when the features are categories (survey answers, symptoms).</source>
        <translation>Para classificação quando os atributos são categorias (respostas de questionário, sintomas).</translation>
    </message>
    <message>
        <source>To classify by similarity with known examples on small data; easy to explain: most of your neighbours are of this class.</source>
        <translation>Para classificar por semelhança com exemplos conhecidos, em dados pequenos; fácil de explicar: a maioria dos seus vizinhos é desta classe.</translation>
    </message>
    <message>
        <source>To predict a number by similarity with known examples on small data, when relations are not linear.</source>
        <translation>Para prever um número por semelhança com exemplos conhecidos, em dados pequenos, quando as relações não são lineares.</translation>
    </message>
    <message>
        <source>When only a few rows have missing cells and losing them does no harm; otherwise fill them in with the Imputer.</source>
        <translation>Quando só poucas linhas têm células ausentes e perdê-las não faz falta; senão, preencha-as com o Imputador.</translation>
    </message>
    <message>
        <source>When the same record was entered more than once, so that it does not weigh more in training or turn up in the test rows too.</source>
        <translation>Quando o mesmo registro foi digitado mais de uma vez, para que ele não pese mais no treinamento nem apareça também nas linhas de teste.</translation>
    </message>
    <message>
        <source>When a few extreme values (typing errors, faulty sensors) would pull a model or a scaler away from the bulk of the data.</source>
        <translation>Quando alguns valores extremos (erros de digitação, sensores com defeito) puxariam um modelo ou um escalonador para longe do grosso dos dados.</translation>
    </message>
    <message>
        <source>To study part of the data only, such as one region or one period, or to remove rows that do not belong.</source>
        <translation>Para estudar só uma parte dos dados, como uma região ou um período, ou para remover linhas que não pertencem a eles.</translation>
    </message>
    <message>
        <source>When codes were read as numbers but are categories (a postcode, a class 1, 2 or 3), or the other way round.</source>
        <translation>Quando códigos foram lidos como números mas são categorias (um CEP, uma classe 1, 2 ou 3), ou o contrário.</translation>
    </message>
    <message>
        <source>To give columns clear names in tables, charts and the exported model.</source>
        <translation>Para dar nomes claros às colunas nas tabelas, nos gráficos e no modelo exportado.</translation>
    </message>
    <message>
        <source>To remove identifiers, free text or columns that give the answer away, which a model should not learn from.</source>
        <translation>Para remover identificadores, texto livre ou colunas que entregam a resposta, com os quais um modelo não deve aprender.</translation>
    </message>
    <message>
        <source>When some cells are missing and dropping those rows would lose too much data; most models refuse missing values.</source>
        <translation>Quando há células ausentes e descartar essas linhas perderia dados demais; a maioria dos modelos recusa valores ausentes.</translation>
    </message>
    <message>
        <source>Before a model that needs numbers (linear models, SVM, k-NN, neural networks) when a feature&apos;s categories have no order, such as colours.</source>
        <translation>Antes de um modelo que precisa de números (modelos lineares, SVM, k-NN, redes neurais) quando as categorias de um atributo não têm ordem, como cores.</translation>
    </message>
    <message>
        <source>When categories have a natural order (small, medium, large), or before tree models and categorical naive Bayes.</source>
        <translation>Quando as categorias têm uma ordem natural (pequeno, médio, grande), ou antes de modelos de árvore e do naive Bayes categórico.</translation>
    </message>
    <message>
        <source>To look at data with many features on a plane and see whether groups exist; to feed a model, use PCA instead.</source>
        <translation>Para ver num plano dados com muitos atributos e descobrir se há grupos; para alimentar um modelo, use PCA.</translation>
    </message>
    <message>
        <source>To split rows into a chosen number of compact groups of similar size; scale the features first.</source>
        <translation>Para dividir as linhas num número escolhido de grupos compactos e de tamanhos parecidos; escalone os atributos antes.</translation>
    </message>
    <message>
        <source>Instead of K-Means when there are hundreds of thousands of rows and speed matters more than the last bit of quality.</source>
        <translation>No lugar do K-Means quando há centenas de milhares de linhas e a velocidade importa mais que o último pouco de qualidade.</translation>
    </message>
    <message>
        <source>When clusters have irregular shapes, their number is unknown, or some rows are noise that belongs to no group.</source>
        <translation>Quando os grupos têm formas irregulares, seu número é desconhecido ou algumas linhas são ruído que não pertence a grupo nenhum.</translation>
    </message>
    <message>
        <source>To see how small groups nest inside bigger ones (the dendrogram), on up to a few thousand rows.</source>
        <translation>Para ver como grupos pequenos se encaixam em grupos maiores (o dendrograma), com até alguns milhares de linhas.</translation>
    </message>
    <message>
        <source>After clustering, to compare algorithms or numbers of clusters; with known labels, to see how well the clusters match them.</source>
        <translation>Depois de agrupar, para comparar algoritmos ou números de grupos; com rótulos conhecidos, para ver quanto os grupos coincidem com eles.</translation>
    </message>
    <message>
        <source>Before K-Means, when you do not know how many clusters to ask for.</source>
        <translation>Antes do K-Means, quando você não sabe quantos grupos pedir.</translation>
    </message>
    <message>
        <source>Before DBSCAN, to choose its eps distance.</source>
        <translation>Antes do DBSCAN, para escolher sua distância eps.</translation>
    </message>
    <message>
        <source>The examples a computer learns from, laid out as a table: each row is one example (a flower, a patient, a day) and each column one of its attributes. The columns used to make a prediction are the features; the column to be predicted, when there is one, is the target (or label). What a model can learn is limited by its data: too few rows, missing cells or rows unlike those it will meet later give poor models.</source>
        <translation>Os exemplos com que um computador aprende, organizados numa tabela: cada linha é um exemplo (uma flor, um paciente, um dia) e cada coluna um de seus atributos. As colunas usadas para fazer uma previsão são os atributos; a coluna a prever, quando existe, é o alvo (ou rótulo). O que um modelo consegue aprender é limitado pelos seus dados: poucas linhas, células ausentes ou linhas diferentes das que ele vai encontrar depois dão modelos fracos.</translation>
    </message>
    <message>
        <source>A learning algorithm is a recipe that turns data into a model, such as K-Means or a decision tree. Its hyper-parameters (the number of clusters, a tree&apos;s depth) are chosen by people before training; the algorithm then finds the model&apos;s own parameters from the data. The same algorithm given other data gives another model.</source>
        <translation>Um algoritmo de aprendizado é uma receita que transforma dados num modelo, como o K-Means ou uma árvore de decisão. Seus hiperparâmetros (o número de grupos, a profundidade de uma árvore) são escolhidos por pessoas antes do treinamento; depois o algoritmo encontra os parâmetros próprios do modelo a partir dos dados. O mesmo algoritmo com outros dados dá outro modelo.</translation>
    </message>
    <message>
        <source>What training produces: a function from a row&apos;s features to a prediction, with values learned from the data (a line&apos;s slope, a tree&apos;s questions, a network&apos;s weights). In Oficina a model also remembers the preprocessing its training data went through, and applies it again to new rows.</source>
        <translation>O que o treinamento produz: uma função que leva os atributos de uma linha a uma previsão, com valores aprendidos dos dados (a inclinação de uma reta, as perguntas de uma árvore, os pesos de uma rede). No Oficina, um modelo também se lembra do pré-processamento por que passaram seus dados de treinamento e o aplica de novo às linhas novas.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <source>Running a learning algorithm on data to obtain a model, also called fitting. Many algorithms improve the model step by step, making a measure of error (the loss) smaller; Oficina draws that loss while it falls. Training uses only the training rows, never the rows kept aside for testing.</source>
        <translation>Executar um algoritmo de aprendizado sobre dados para obter um modelo, também chamado de ajuste. Muitos algoritmos melhoram o modelo passo a passo, diminuindo uma medida de erro (a perda); o Oficina desenha essa perda enquanto ela cai. O treinamento usa só as linhas de treinamento, nunca as linhas separadas para teste.</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>Inferência</translation>
    </message>
    <message>
        <source>Using a trained model on rows it has not seen to get predictions: a class, a number or a cluster. Inference does not change the model; it is what happens when a model is put to work, and it is how a model is tested: by predicting rows whose answers we know but it never saw.</source>
        <translation>Usar um modelo treinado em linhas que ele não viu para obter previsões: uma classe, um número ou um grupo. A inferência não muda o modelo; é o que acontece quando um modelo é posto para trabalhar, e é como um modelo é testado: prevendo linhas cujas respostas conhecemos mas que ele nunca viu.</translation>
    </message>
    <message>
        <source>Supervised learning</source>
        <translation>Aprendizado supervisionado</translation>
    </message>
    <message>
        <source>Learning from examples whose answers are known: every training row has a target, and the algorithm learns to predict it from the features. Its success can be measured by comparing predictions with the true answers of test rows. Regression and classification are supervised.</source>
        <translation>Aprender com exemplos cujas respostas são conhecidas: toda linha de treinamento tem um alvo, e o algoritmo aprende a prevê-lo a partir dos atributos. Seu sucesso pode ser medido comparando as previsões com as respostas verdadeiras das linhas de teste. Regressão e classificação são supervisionadas.</translation>
    </message>
    <message>
        <source>Unsupervised learning</source>
        <translation>Aprendizado não supervisionado</translation>
    </message>
    <message>
        <source>Learning without answers: the rows have no target, and the algorithm looks for structure in the features alone, such as groups of similar rows (clustering) or a few directions that summarise many columns (PCA). There is no right answer to compare with, so people must judge whether the structure found is useful.</source>
        <translation>Aprender sem respostas: as linhas não têm alvo, e o algoritmo procura estrutura só nos atributos, como grupos de linhas parecidas (agrupamento) ou poucas direções que resumem muitas colunas (PCA). Não há resposta certa com que comparar, então cabe às pessoas julgar se a estrutura encontrada é útil.</translation>
    </message>
    <message>
        <source>Supervised learning where the target is a number, such as a price, a temperature or a disease&apos;s progression. A regression model is judged by how far its predictions fall from the true values: the mean absolute error (MAE), the root mean squared error (RMSE) or R², the share of the target&apos;s variance it explains.</source>
        <translation>Aprendizado supervisionado em que o alvo é um número, como um preço, uma temperatura ou a progressão de uma doença. Um modelo de regressão é avaliado pela distância entre suas previsões e os valores verdadeiros: o erro absoluto médio (MAE), a raiz do erro quadrático médio (RMSE) ou o R², a fração da variância do alvo que ele explica.</translation>
    </message>
    <message>
        <source>Supervised learning where the target is a category, such as a flower&apos;s species or whether an e-mail is spam. A classifier is judged by how often it is right (accuracy) and by which classes it confuses (the confusion matrix); precision and recall matter when one class is rare or one mistake costs more than another.</source>
        <translation>Aprendizado supervisionado em que o alvo é uma categoria, como a espécie de uma flor ou se um e-mail é spam. Um classificador é avaliado por quantas vezes acerta (a acurácia) e por quais classes confunde (a matriz de confusão); precisão e revocação importam quando uma classe é rara ou quando um erro custa mais que outro.</translation>
    </message>
    <message>
        <source>Clustering</source>
        <translation>Agrupamento</translation>
    </message>
    <message>
        <source>Unsupervised learning that groups similar rows into clusters, for example customers with similar habits. The algorithm names the groups 0, 1, 2…; what they mean is for people to interpret. Distances drive most clustering, so features on very different scales should be scaled first.</source>
        <translation>Aprendizado não supervisionado que reúne linhas parecidas em grupos, por exemplo clientes com hábitos semelhantes. O algoritmo chama os grupos de 0, 1, 2…; o que eles significam cabe às pessoas interpretar. Distâncias guiam a maior parte dos agrupamentos, então atributos em escalas muito diferentes devem ser escalonados antes.</translation>
    </message>
    <message>
        <source>Overfitting</source>
        <translation>Sobreajuste</translation>
    </message>
    <message>
        <source>A model overfits when it learns its training rows by heart, noise included, and then does worse on new rows: high training score, low test score. Simpler models, more data, regularisation and early stopping fight it. Holding out test rows (a train/test split, or cross-validation) is how it is detected; a model too simple to fit even its training rows underfits.</source>
        <translation>Um modelo se sobreajusta quando decora suas linhas de treinamento, ruído incluído, e depois se sai pior com linhas novas: pontuação alta no treinamento, baixa no teste. Modelos mais simples, mais dados, regularização e parada antecipada o combatem. Separar linhas de teste (uma divisão treino/teste, ou validação cruzada) é como ele é detectado; um modelo simples demais para ajustar até suas linhas de treinamento sofre de subajuste.</translation>
    </message>
    <message>
        <source>To bring in your own data: a spreadsheet saved as CSV, or a file from a data repository such as OpenML (ARFF).</source>
        <translation>Para trazer seus próprios dados: uma planilha salva como CSV ou um arquivo de um repositório de dados como o OpenML (ARFF).</translation>
    </message>
    <message>
        <source>To start at once, or to teach, with a well-known dataset whose answers are known.</source>
        <translation>Para começar na hora, ou para ensinar, com um conjunto de dados conhecido cujas respostas se conhecem.</translation>
    </message>
    <message>
        <source>Before training, to say what the model should predict (the target) and what it may look at (the features).</source>
        <translation>Antes do treinamento, para dizer o que o modelo deve prever (o alvo) e o que ele pode olhar (os atributos).</translation>
    </message>
    <message>
        <source>Before training any supervised model: the test rows, never seen in training, show how the model does on new data.</source>
        <translation>Antes de treinar qualquer modelo supervisionado: as linhas de teste, nunca vistas no treinamento, mostram como o modelo se sai com dados novos.</translation>
    </message>
    <message>
        <source>When test rows are few: a steadier estimate of the score than a single split, and how much it varies.</source>
        <translation>Quando há poucas linhas de teste: uma estimativa da pontuação mais estável que uma única divisão, e quanto ela varia.</translation>
    </message>
    <message>
        <source>To choose fairly between several models, or settings of one, on the same folds.</source>
        <translation>Para escolher com justiça entre vários modelos, ou configurações de um modelo, nas mesmas partes.</translation>
    </message>
    <message>
        <source>To tell overfitting from underfitting, and whether more data would help.</source>
        <translation>Para distinguir sobreajuste de subajuste, e saber se mais dados ajudariam.</translation>
    </message>
    <message>
        <source>When the model is good enough to be used outside Oficina: in an app, a web service or another programming language.</source>
        <translation>Quando o modelo está bom o bastante para ser usado fora do Oficina: num aplicativo, num serviço web ou em outra linguagem de programação.</translation>
    </message>
    <message>
        <source>Before distance- or gradient-based models (k-NN, SVM, neural networks) when features need a fixed range, such as pixels from 0 to 1.</source>
        <translation>Antes de modelos baseados em distâncias ou gradientes (k-NN, SVM, redes neurais) quando os atributos precisam de uma faixa fixa, como pixels de 0 a 1.</translation>
    </message>
    <message>
        <source>Instead of the standard scaler when outliers would distort the features&apos; mean and standard deviation.</source>
        <translation>No lugar do padronizador quando valores atípicos distorceriam a média e o desvio padrão dos atributos.</translation>
    </message>
    <message>
        <source>When a linear model is too simple for curved relations or interactions between features; high degrees overfit.</source>
        <translation>Quando um modelo linear é simples demais para relações curvas ou interações entre atributos; graus altos levam a sobreajuste.</translation>
    </message>
    <message>
        <source>When features are strongly skewed (incomes, counts), before models that prefer roughly normal features.</source>
        <translation>Quando os atributos são muito assimétricos (rendas, contagens), antes de modelos que preferem atributos aproximadamente normais.</translation>
    </message>
    <message>
        <source>To turn a number into ranges (age groups), so that a linear model can fit steps, or to describe data by intervals.</source>
        <translation>Para transformar um número em faixas (faixas etárias), de modo que um modelo linear possa ajustar degraus, ou para descrever dados por intervalos.</translation>
    </message>
    <message>
        <source>To remove constant or nearly constant columns, which carry no information, before training.</source>
        <translation>Para remover colunas constantes ou quase constantes, que não trazem informação, antes do treinamento.</translation>
    </message>
    <message>
        <source>When there are many features and few rows: keeping the most related ones gives simpler models that overfit less.</source>
        <translation>Quando há muitos atributos e poucas linhas: manter os mais relacionados dá modelos mais simples, com menos sobreajuste.</translation>
    </message>
    <message>
        <source>Before models that depend on distances or penalties (k-NN, SVM, K-Means, regularised linear models, neural networks) when features have different units.</source>
        <translation>Antes de modelos que dependem de distâncias ou penalidades (k-NN, SVM, K-Means, modelos lineares regularizados, redes neurais) quando os atributos têm unidades diferentes.</translation>
    </message>
    <message>
        <source>A first model for a numeric target and a baseline to beat; its coefficients say how much each feature adds.</source>
        <translation>Um primeiro modelo para um alvo numérico e uma referência a superar; seus coeficientes dizem quanto cada atributo acrescenta.</translation>
    </message>
    <message>
        <source>Instead of linear regression when features are correlated or rows are few, to keep the coefficients from growing wild.</source>
        <translation>No lugar da regressão linear quando os atributos são correlacionados ou há poucas linhas, para impedir que os coeficientes disparem.</translation>
    </message>
    <message>
        <source>When you suspect that only a few features matter: it picks them by setting the others&apos; coefficients to zero.</source>
        <translation>Quando você suspeita que só alguns atributos importam: ele os escolhe zerando os coeficientes dos demais.</translation>
    </message>
    <message>
        <source>Like the lasso, when features come in correlated groups that should share the weight.</source>
        <translation>Como o lasso, quando os atributos vêm em grupos correlacionados que devem dividir o peso.</translation>
    </message>
    <message>
        <source>For classification with many rows or many features (text, pixels) when you do not need probabilities.</source>
        <translation>Para classificação com muitas linhas ou muitos atributos (texto, pixels) quando você não precisa de probabilidades.</translation>
    </message>
    <message>
        <source>For classes that a straight line cannot separate, on small or medium datasets.</source>
        <translation>Para classes que uma reta não consegue separar, em conjuntos de dados pequenos ou médios.</translation>
    </message>
    <message>
        <source>For numeric targets with curved relations, on small or medium datasets.</source>
        <translation>Para alvos numéricos com relações curvas, em conjuntos de dados pequenos ou médios.</translation>
    </message>
    <message>
        <source>A first classifier to try: fast, and its coefficients show how each feature pushes towards each class.</source>
        <translation>Um primeiro classificador a experimentar: rápido, e seus coeficientes mostram quanto cada atributo empurra para cada classe.</translation>
    </message>
    <message>
        <source>To use a trained model on new or test rows; its predictions feed the Score node or a file.</source>
        <translation>Para usar um modelo treinado em linhas novas ou de teste; suas previsões alimentam o nó Pontuar ou um arquivo.</translation>
    </message>
    <message>
        <source>After Predict on the test rows, to measure how well the model does on data it has not seen.</source>
        <translation>Depois de Prever nas linhas de teste, para medir como o modelo se sai com dados que não viu.</translation>
    </message>
    <message>
        <source>For images, sequences or large tables where simpler models fall short; it needs more data and training time.</source>
        <translation>Para imagens, sequências ou tabelas grandes em que modelos mais simples não bastam; precisa de mais dados e de mais tempo de treinamento.</translation>
    </message>
    <message>
        <source>When you have few labelled images or rows but a network pre-trained on similar data.</source>
        <translation>Quando você tem poucas imagens ou linhas rotuladas, mas uma rede pré-treinada em dados parecidos.</translation>
    </message>
    <message>
        <source>To compress many correlated features into a few, to draw the data in two dimensions, or to speed up a model.</source>
        <translation>Para comprimir muitos atributos correlacionados em poucos, desenhar os dados em duas dimensões ou acelerar um modelo.</translation>
    </message>
    <message>
        <source>To classify pictures: put each class&apos;s images in a sub-folder of its own, then train a neural network (a CNN) on the rows.</source>
        <translation>Para classificar imagens: ponha as imagens de cada classe numa subpasta própria e treine uma rede neural (uma CNN) com as linhas.</translation>
    </message>
    <message>
        <source>To forecast a series (sales, temperatures, sunspots) from its recent past with a regression model or a recurrent network.</source>
        <translation>Para prever uma série (vendas, temperaturas, manchas solares) a partir do seu passado recente, com um modelo de regressão ou uma rede recorrente.</translation>
    </message>
    <message>
        <source>the clustered data has no column &apos;%1&apos;</source>
        <translation>os dados agrupados não têm a coluna &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the clustered data has no target column to compare the clusters with; keep the class column as the target (the clusterer does not look at it) or name it in &apos;Class column&apos;</source>
        <translation>os dados agrupados não têm coluna-alvo com que comparar os grupos; mantenha a coluna das classes como alvo (o algoritmo de agrupamento não olha para ela) ou indique-a em &apos;Coluna das classes&apos;</translation>
    </message>
    <message>
        <source>the predictions have %1 rows but the clustered data has %2; connect predictions of the same rows</source>
        <translation>as previsões têm %1 linhas, mas os dados agrupados têm %2; conecte previsões das mesmas linhas</translation>
    </message>
    <message>
        <source>the predictions table has no predicted class column &apos;%1&apos;; connect a classifier&apos;s predictions</source>
        <translation>a tabela de previsões não tem a coluna de classe prevista &apos;%1&apos;; conecte as previsões de um classificador</translation>
    </message>
    <message>
        <source>the data has no &apos;%1&apos; column; connect the output of a clustering node such as K-Means</source>
        <translation>os dados não têm a coluna &apos;%1&apos;; conecte a saída de um nó de agrupamento, como o K-Means</translation>
    </message>
    <message>
        <source>the clustered data needs at least two numeric feature columns to project</source>
        <translation>os dados agrupados precisam de pelo menos duas colunas numéricas de atributos para a projeção</translation>
    </message>
    <message>
        <source>Clusters vs classes</source>
        <translation>Grupos vs classes</translation>
    </message>
    <message>
        <source>Puts unsupervised and supervised learning side by side on the same rows: the clusters found without the labels and the true classes (or a classifier&apos;s predictions), drawn on the same 2-D projection (the first two principal components of the features), with their agreement: the adjusted Rand index (1 = the same groups, about 0 = no better than chance) and a table counting the rows of each cluster in each class.</source>
        <translation>Põe lado a lado o aprendizado não supervisionado e o supervisionado nas mesmas linhas: os grupos encontrados sem os rótulos e as classes verdadeiras (ou as previsões de um classificador), desenhados na mesma projeção 2-D (os dois primeiros componentes principais dos atributos), com a concordância entre eles: o índice de Rand ajustado (1 = os mesmos grupos, perto de 0 = não melhor que o acaso) e uma tabela que conta as linhas de cada grupo em cada classe.</translation>
    </message>
    <message>
        <source>To show that a clustering, which never saw the labels, can still rediscover the classes, and how far it falls short of a classifier that learned from them.</source>
        <translation>Para mostrar que um agrupamento, que nunca viu os rótulos, ainda assim pode redescobrir as classes, e quanto ele fica atrás de um classificador que aprendeu com eles.</translation>
    </message>
    <message>
        <source>Classifier&apos;s predictions</source>
        <translation>Previsões do classificador</translation>
    </message>
    <message>
        <source>Class column</source>
        <translation>Coluna das classes</translation>
    </message>
    <message>
        <source>The true classes; empty = the data&apos;s target column</source>
        <translation>As classes verdadeiras; vazio = a coluna-alvo dos dados</translation>
    </message>
    <message>
        <source>the last value (%1) is smaller than the first (%2)</source>
        <translation>o último valor (%1) é menor que o primeiro (%2)</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parâmetro</translation>
    </message>
    <message>
        <source>Tree depth (max_depth)</source>
        <translation>Profundidade da árvore (max_depth)</translation>
    </message>
    <message>
        <source>Polynomial degree (degree)</source>
        <translation>Grau do polinômio (degree)</translation>
    </message>
    <message>
        <source>What to vary: a decision tree&apos;s maximum depth, or the degree of a Polynomial features step before the learner</source>
        <translation>O que variar: a profundidade máxima de uma árvore de decisão ou o grau de uma etapa de Atributos polinomiais antes do algoritmo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>First value tried</source>
        <translation>Primeiro valor testado</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>Last value tried; every whole number in between is tried too</source>
        <translation>Último valor testado; todos os números inteiros entre os dois também são testados</translation>
    </message>
    <message>
        <source>Validation curve</source>
        <translation>Curva de validação</translation>
    </message>
    <message>
        <source>Makes overfitting visible: refits the model&apos;s recipe for each value of one parameter (a tree&apos;s depth, a polynomial&apos;s degree) and scores it by cross-validation, on the rows it trained on and on the held-out fold. As the model grows more complex the training score keeps rising while the validation score levels off and falls: past that point the model memorises noise. Connect the raw rows the model&apos;s chain started from.</source>
        <translation>Torna o sobreajuste visível: treina de novo a receita do modelo para cada valor de um parâmetro (a profundidade de uma árvore, o grau de um polinômio) e a avalia por validação cruzada, nas linhas em que treinou e na parte separada. À medida que o modelo fica mais complexo, a pontuação no treinamento continua subindo, enquanto a de validação se estabiliza e cai: a partir daí o modelo decora ruído. Conecte as linhas brutas de onde partiu a cadeia do modelo.</translation>
    </message>
    <message>
        <source>To choose how complex a model should be, and to show where underfitting ends and overfitting begins.</source>
        <translation>Para escolher quão complexo um modelo deve ser e mostrar onde termina o subajuste e começa o sobreajuste.</translation>
    </message>
    <message>
        <source>To get a classifier you can draw and explain as a list of questions; limit its depth or it overfits.</source>
        <translation>Para ter um classificador que se pode desenhar e explicar como uma lista de perguntas; limite sua profundidade ou ele se sobreajusta.</translation>
    </message>
    <message>
        <source>To predict a number with rules you can draw and explain; limit its depth or it overfits.</source>
        <translation>Para prever um número com regras que se podem desenhar e explicar; limite sua profundidade ou ele se sobreajusta.</translation>
    </message>
    <message>
        <source>A strong, robust classifier with little tuning, when accuracy matters more than one readable tree.</source>
        <translation>Um classificador forte e robusto, com pouco ajuste, quando a exatidão importa mais que uma árvore legível.</translation>
    </message>
    <message>
        <source>A strong, robust regressor with little tuning, when accuracy matters more than one readable tree.</source>
        <translation>Um regressor forte e robusto, com pouco ajuste, quando a exatidão importa mais que uma árvore legível.</translation>
    </message>
    <message>
        <source>Often the most accurate classifier for tables; early stopping guards against overfitting.</source>
        <translation>Muitas vezes o classificador mais exato para tabelas; a parada antecipada protege contra o sobreajuste.</translation>
    </message>
    <message>
        <source>Often the most accurate regressor for tables; early stopping guards against overfitting.</source>
        <translation>Muitas vezes o regressor mais exato para tabelas; a parada antecipada protege contra o sobreajuste.</translation>
    </message>
    <message>
        <source>Any: drop a row with at least one missing cell; All: only rows whose cells are all missing</source>
        <translation>Alguma: descarta uma linha com pelo menos uma célula ausente; Todas: só as linhas com todas as células ausentes</translation>
    </message>
    <message>
        <source>Which copy of a repeated row stays: the first, the last, or none of them</source>
        <translation>Qual cópia de uma linha repetida fica: a primeira, a última ou nenhuma</translation>
    </message>
    <message>
        <source>The z-score suits roughly normal columns; the IQR rule also suits skewed ones</source>
        <translation>O z-score serve para colunas aproximadamente normais; a regra do IQR serve também para colunas assimétricas</translation>
    </message>
    <message>
        <source>The column the condition tests</source>
        <translation>A coluna que a condição testa</translation>
    </message>
    <message>
        <source>How each cell is compared with the value</source>
        <translation>Como cada célula é comparada com o valor</translation>
    </message>
    <message>
        <source>The columns to convert</source>
        <translation>As colunas a converter</translation>
    </message>
    <message>
        <source>Categorical: numbers become category labels; Numeric: labels are read as numbers</source>
        <translation>Categórica: números viram rótulos de categoria; Numérica: rótulos são lidos como números</translation>
    </message>
    <message>
        <source>The columns to rename; the new names follow in the same order</source>
        <translation>As colunas a renomear; os novos nomes seguem na mesma ordem</translation>
    </message>
    <message>
        <source>The columns to remove</source>
        <translation>As colunas a remover</translation>
    </message>
    <message>
        <source>What fills a missing cell: the column&apos;s mean or median (numeric columns), its most frequent value, or the fill value below</source>
        <translation>O que preenche uma célula ausente: a média ou a mediana da coluna (colunas numéricas), seu valor mais frequente ou o valor de preenchimento abaixo</translation>
    </message>
    <message>
        <source>What a category not seen here becomes when the model predicts: all-zero columns, or an error</source>
        <translation>O que uma categoria não vista aqui vira quando o modelo prevê: colunas todas zero, ou um erro</translation>
    </message>
    <message>
        <source>What a category not seen here becomes when the model predicts: an error, or the unknown value below</source>
        <translation>O que uma categoria não vista aqui vira quando o modelo prevê: um erro, ou o valor desconhecido abaixo</translation>
    </message>
    <message>
        <source>Optimisation steps; more may settle the layout better but take longer</source>
        <translation>Passos de otimização; mais passos podem assentar melhor o arranjo, mas demoram mais</translation>
    </message>
    <message>
        <source>The starting layout: PCA (the same from run to run) or random positions</source>
        <translation>O arranjo inicial: PCA (o mesmo a cada execução) ou posições aleatórias</translation>
    </message>
    <message>
        <source>Barnes–Hut approximates the forces and handles thousands of rows; exact is for small data</source>
        <translation>Barnes–Hut aproxima as forças e dá conta de milhares de linhas; o exato é para dados pequenos</translation>
    </message>
    <message>
        <source>Iterations of each start at most, if the centres have not settled before</source>
        <translation>Iterações de cada início no máximo, se os centros não se assentarem antes</translation>
    </message>
    <message>
        <source>Lloyd&apos;s classic iterations, or Elkan&apos;s, which skip distance computations by the triangle inequality; both give the same clusters</source>
        <translation>As iterações clássicas de Lloyd, ou as de Elkan, que evitam cálculos de distância pela desigualdade triangular; as duas dão os mesmos grupos</translation>
    </message>
    <message>
        <source>Rows drawn for each update of the centres; larger batches are steadier but slower</source>
        <translation>Linhas sorteadas para cada atualização dos centros; lotes maiores são mais estáveis, porém mais lentos</translation>
    </message>
    <message>
        <source>How the distance between two clusters is measured: Ward (the smallest growth in variance), complete (their farthest rows), average, or single (their closest rows)</source>
        <translation>Como se mede a distância entre dois grupos: Ward (o menor aumento de variância), completa (suas linhas mais distantes), média, ou simples (suas linhas mais próximas)</translation>
    </message>
    <message>
        <source>The smallest number of clusters tried</source>
        <translation>O menor número de grupos testado</translation>
    </message>
    <message>
        <source>The largest number of clusters tried</source>
        <translation>O maior número de grupos testado</translation>
    </message>
    <message>
        <source>Which neighbour&apos;s distance is measured, the row counted; use DBSCAN&apos;s minimum samples</source>
        <translation>De qual vizinho se mede a distância, contando a própria linha; use o mínimo de amostras do DBSCAN</translation>
    </message>
    <message>
        <source>The character between cells; Detect finds it from the first lines</source>
        <translation>O caractere entre as células; Detectar o descobre pelas primeiras linhas</translation>
    </message>
    <message>
        <source>How the file writes decimals: 1234.5, or 1.234,5 as in Brazil; Detect finds it from the numbers</source>
        <translation>Como o arquivo escreve decimais: 1234.5, ou 1.234,5 como no Brasil; Detectar descobre pelos números</translation>
    </message>
    <message>
        <source>Whether the first line holds the column names; Detect guesses from its cells</source>
        <translation>Se a primeira linha traz os nomes das colunas; Detectar deduz pelas suas células</translation>
    </message>
    <message>
        <source>The file&apos;s character set: UTF-8, or Latin-1 for older files saved by Windows programs</source>
        <translation>O conjunto de caracteres do arquivo: UTF-8, ou Latin-1 para arquivos antigos salvos por programas do Windows</translation>
    </message>
    <message>
        <source>Which dataset to load; each comes with its target column marked</source>
        <translation>Qual conjunto de dados carregar; cada um vem com sua coluna-alvo marcada</translation>
    </message>
    <message>
        <source>What the curves measure, accuracy or R² by default; for log loss and errors, lower is better</source>
        <translation>O que as curvas medem, acurácia ou R² por padrão; para perda logarítmica e erros, menor é melhor</translation>
    </message>
    <message>
        <source>Lower end of the range each column is divided by, as a percentile (25 = first quartile)</source>
        <translation>Extremo inferior da faixa pela qual cada coluna é dividida, como percentil (25 = primeiro quartil)</translation>
    </message>
    <message>
        <source>Upper end of the range each column is divided by, as a percentile (75 = third quartile)</source>
        <translation>Extremo superior da faixa pela qual cada coluna é dividida, como percentil (75 = terceiro quartil)</translation>
    </message>
    <message>
        <source>Yeo-Johnson accepts any values and learns its exponent; log(1 + x) is simpler and needs values above -1</source>
        <translation>Yeo-Johnson aceita quaisquer valores e aprende seu expoente; log(1 + x) é mais simples e precisa de valores acima de -1</translation>
    </message>
    <message>
        <source>How many intervals each feature is cut into</source>
        <translation>Em quantos intervalos cada atributo é cortado</translation>
    </message>
    <message>
        <source>One 0/1 column per bin, or one column holding the bin&apos;s number</source>
        <translation>Uma coluna 0/1 por intervalo, ou uma coluna com o número do intervalo</translation>
    </message>
    <message>
        <source>Quantiles put the same number of rows in each bin; uniform gives bins of equal width</source>
        <translation>Quantis põem o mesmo número de linhas em cada intervalo; uniforme dá intervalos de mesma largura</translation>
    </message>
    <message>
        <source>How each feature&apos;s relation to the target is measured: ANOVA F for classes, correlation F for numbers, or chosen from the target&apos;s type</source>
        <translation>Como se mede a relação de cada atributo com o alvo: F da ANOVA para classes, F de correlação para números, ou escolhido pelo tipo do alvo</translation>
    </message>
    <message>
        <source>cannot read the file (%1)</source>
        <translation>não é possível ler o arquivo (%1)</translation>
    </message>
    <message>
        <source>the file holds NUL bytes from line %1: it may be truncated or not a text file</source>
        <translation>o arquivo contém bytes NUL a partir da linha %1: pode estar truncado ou não ser um arquivo de texto</translation>
    </message>
    <message>
        <source>not enough memory: reading this file needs about %1, and only %2 is available</source>
        <translation>memória insuficiente: ler este arquivo requer cerca de %1, e só há %2 disponível</translation>
    </message>
    <message>
        <source>the model card would replace &apos;%1&apos;, which is not the card of &apos;%2&apos;: move that file or export under another name</source>
        <translation>o cartão do modelo substituiria &apos;%1&apos;, que não é o cartão de &apos;%2&apos;: mova esse arquivo ou exporte com outro nome</translation>
    </message>
    <message>
        <source>Writes the trained model — its preprocessing and the estimator — as one ONNX file that ONNX Runtime runs with the same predictions, and a card beside it (model.onnx → model.md) saying what goes in and comes out, with an example; connect a Score or Cross-validation node&apos;s metrics to put them on the card. Models with no ONNX form (DBSCAN, agglomerative clustering, t-SNE) are refused before anything is written.</source>
        <translation>Grava o modelo treinado — seu pré-processamento e o estimador — como um único arquivo ONNX que o ONNX Runtime executa com as mesmas previsões, e um cartão ao lado (modelo.onnx → modelo.md) dizendo o que entra e o que sai, com um exemplo; conecte as métricas de um nó Pontuação ou Validação cruzada para colocá-las no cartão. Modelos sem forma ONNX (DBSCAN, agrupamento aglomerativo, t-SNE) são recusados antes de qualquer gravação.</translation>
    </message>
    <message>
        <source>Test metrics</source>
        <translation>Métricas de teste</translation>
    </message>
    <message>
        <source>Cross-validation metrics</source>
        <translation>Métricas da validação cruzada</translation>
    </message>
    <message>
        <source>One numeric tensor [batch, columns] with every input column side by side instead of one input per column; only when all of them are numeric</source>
        <translation>Um único tensor numérico [lote, colunas] com todas as colunas de entrada lado a lado, em vez de uma entrada por coluna; só quando todas são numéricas</translation>
    </message>
    <message>
        <source>Float32 numbers</source>
        <translation>Números float32</translation>
    </message>
    <message>
        <source>Numeric inputs and outputs as float32 instead of double, for runtimes that need it. Predictions then match only for values float32 holds exactly (0.1 is not one): the card says how many training values are not</source>
        <translation>Entradas e saídas numéricas em float32 em vez de double, para runtimes que o exigem. As previsões então só coincidem para valores que o float32 representa exatamente (0,1 não é um deles): o cartão diz quantos valores de treino não são</translation>
    </message>
    <message>
        <source>values are nested more than %1 levels deep</source>
        <translation>os valores estão aninhados em mais de %1 níveis</translation>
    </message>
    <message>
        <source>the number %1 is beyond the range Oficina can hold (about ±1.8e308)</source>
        <translation>o número %1 está além do intervalo que o Oficina comporta (cerca de ±1,8e308)</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3, not %4</source>
        <translation>%1 deve estar entre %2 e %3, não %4</translation>
    </message>
    <message>
        <source>node version must be a whole number from 1 to %1, not %2</source>
        <translation>a versão do nó deve ser um número inteiro de 1 a %1, não %2</translation>
    </message>
    <message>
        <source>not an Oficina pipeline: &quot;format&quot; is %1, not &quot;%2&quot;</source>
        <translation>não é um pipeline do Oficina: &quot;format&quot; é %1, não &quot;%2&quot;</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>memória insuficiente</translation>
    </message>
    <message>
        <source>cannot read this pipeline: %1</source>
        <translation>não é possível ler este pipeline: %1</translation>
    </message>
    <message>
        <source>this is a folder, not a pipeline file</source>
        <translation>isto é uma pasta, não um arquivo de pipeline</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; is given twice (under its current and a former name)</source>
        <translation>o parâmetro &apos;%1&apos; aparece duas vezes (com o nome atual e com um nome antigo)</translation>
    </message>
    <message>
        <source>Precision (macro)</source>
        <translation>Precisão (macro)</translation>
    </message>
    <message>
        <source>Recall (macro)</source>
        <translation>Revocação (macro)</translation>
    </message>
    <message>
        <source>Precision (weighted)</source>
        <translation>Precisão (ponderada)</translation>
    </message>
    <message>
        <source>Recall (weighted)</source>
        <translation>Revocação (ponderada)</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>AUC ROC</translation>
    </message>
    <message>
        <source>Average precision</source>
        <translation>Precisão média</translation>
    </message>
    <message>
        <source>ROC AUC (one-vs-rest, macro)</source>
        <translation>AUC ROC (um contra todos, macro)</translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation>ROC: %1</translation>
    </message>
    <message>
        <source>Precision–recall: %1</source>
        <translation>Precisão–revocação: %1</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matriz de confusão</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Por classe</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisão</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Revocação</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Suporte</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>Taxa de falsos positivos</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>Taxa de verdadeiros positivos</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>Erro quadrático médio</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>Resíduos</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>Resíduo</translation>
    </message>
    <message>
        <source>Noise points</source>
        <translation>Pontos de ruído</translation>
    </message>
    <message>
        <source>Silhouette</source>
        <translation>Silhueta</translation>
    </message>
    <message>
        <source>Davies–Bouldin index</source>
        <translation>Índice de Davies–Bouldin</translation>
    </message>
    <message>
        <source>Calinski–Harabasz index</source>
        <translation>Índice de Calinski–Harabasz</translation>
    </message>
    <message>
        <source>Adjusted Rand index</source>
        <translation>Índice de Rand ajustado</translation>
    </message>
    <message>
        <source>Normalized mutual information</source>
        <translation>Informação mútua normalizada</translation>
    </message>
    <message>
        <source>Inertia</source>
        <translation>Inércia</translation>
    </message>
    <message>
        <source>Suggested k</source>
        <translation>k sugerido</translation>
    </message>
    <message>
        <source>Suggested eps</source>
        <translation>eps sugerido</translation>
    </message>
    <message>
        <source>Scores by number of clusters</source>
        <translation>Pontuações por número de grupos</translation>
    </message>
    <message>
        <source>Sorted k-distance</source>
        <translation>k-distância ordenada</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Esquerda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Direita</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distância</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Posição</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variância</translation>
    </message>
    <message>
        <source>Share of variance</source>
        <translation>Fração da variância</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>Fração acumulada</translation>
    </message>
    <message>
        <source>Feature scores</source>
        <translation>Pontuações dos atributos</translation>
    </message>
    <message>
        <source>Model comparison</source>
        <translation>Comparação de modelos</translation>
    </message>
    <message>
        <source>Training score (mean)</source>
        <translation>Pontuação no treinamento (média)</translation>
    </message>
    <message>
        <source>Training score (std)</source>
        <translation>Pontuação no treinamento (desvio padrão)</translation>
    </message>
    <message>
        <source>Validation score (mean)</source>
        <translation>Pontuação na validação (média)</translation>
    </message>
    <message>
        <source>Validation score (std)</source>
        <translation>Pontuação na validação (desvio padrão)</translation>
    </message>
    <message>
        <source>Best value (validation)</source>
        <translation>Melhor valor (validação)</translation>
    </message>
    <message>
        <source>Clusters × classes</source>
        <translation>Grupos × classes</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Perda de validação</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>Acurácia de validação</translation>
    </message>
    <message>
        <source>Loss per batch</source>
        <translation>Perda por lote</translation>
    </message>
    <message>
        <source>Validation R²</source>
        <translation>R² de validação</translation>
    </message>
    <message>
        <source>File size (KB)</source>
        <translation>Tamanho do arquivo (KB)</translation>
    </message>
    <message>
        <source>Graph nodes</source>
        <translation>Nós do grafo</translation>
    </message>
    <message>
        <source>Graph inputs</source>
        <translation>Entradas do grafo</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>Melhor época</translation>
    </message>
    <message>
        <source>Duality gap</source>
        <translation>Lacuna de dualidade</translation>
    </message>
    <message>
        <source>Support vectors</source>
        <translation>Vetores de suporte</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profundidade</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>Folhas</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nós</translation>
    </message>
    <message>
        <source>None ticked: all columns</source>
        <translation>Nenhuma marcada: todas as colunas</translation>
    </message>
    <message>
        <source>None ticked: every numeric feature</source>
        <translation>Nenhuma marcada: todos os atributos numéricos</translation>
    </message>
    <message>
        <source>None ticked: every feature</source>
        <translation>Nenhuma marcada: todos os atributos</translation>
    </message>
    <message>
        <source>None ticked: every categorical feature</source>
        <translation>Nenhuma marcada: todos os atributos categóricos</translation>
    </message>
    <message>
        <source>None ticked: every column except the target</source>
        <translation>Nenhuma marcada: todas as colunas menos o alvo</translation>
    </message>
    <message>
        <source>training finished on request: the model keeps its first %1 of %2 rounds</source>
        <translation>o treinamento terminou a pedido: o modelo fica com as primeiras %1 de %2 rodadas</translation>
    </message>
    <message>
        <source>the column &apos;%1&apos; must hold numbers, but &apos;%2&apos; is not one</source>
        <translation>a coluna &apos;%1&apos; deve conter números, mas &apos;%2&apos; não é um número</translation>
    </message>
    <message>
        <source>the XGBoost model&apos;s %1 is %2, expected %3</source>
        <translation>o campo %1 do modelo XGBoost é %2; esperava-se %3</translation>
    </message>
    <message>
        <source>tree %1 of the XGBoost model has node arrays of different lengths</source>
        <translation>a árvore %1 do modelo XGBoost tem vetores de nós de comprimentos diferentes</translation>
    </message>
    <message>
        <source>tree %1 of the XGBoost model has categorical splits, which Oficina does not make</source>
        <translation>a árvore %1 do modelo XGBoost tem divisões categóricas, que o Oficina não faz</translation>
    </message>
    <message>
        <source>node %1 of tree %2 of the XGBoost model splits on feature %3 of %4</source>
        <translation>o nó %1 da árvore %2 do modelo XGBoost divide pelo atributo %3 de %4</translation>
    </message>
    <message>
        <source>node %1 of tree %2 of the XGBoost model has the child %3, outside its %4 nodes, reached twice or too deep</source>
        <translation>o nó %1 da árvore %2 do modelo XGBoost tem o filho %3, que está fora dos seus %4 nós, é alcançado duas vezes ou está profundo demais</translation>
    </message>
    <message>
        <source>tree %1 of the XGBoost model adds to output %2 of %3</source>
        <translation>a árvore %1 do modelo XGBoost soma à saída %2 de %3</translation>
    </message>
    <message>
        <source>the XGBoost model is damaged: it is not the UBJSON that XGBoost writes</source>
        <translation>o modelo XGBoost está danificado: não é o UBJSON que o XGBoost grava</translation>
    </message>
    <message>
        <source>the XGBoost model lacks a part or holds the wrong kind of value there: %1</source>
        <translation>falta uma parte no modelo XGBoost, ou ela contém um tipo de valor errado: %1</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Salvar modelo</translation>
    </message>
    <message>
        <source>Writes the trained model as a model package (.ofmodel): its preprocessing and estimator exactly as fitted, the input columns it needs, its training metrics, a profile and a sample of the training data for drift checks, its ONNX export where it has one, and a card. `oficina-cli predict` and `oficina-cli serve` read it; nothing in it is run as code.</source>
        <translation>Grava o modelo treinado como um pacote de modelo (.ofmodel): seu pré-processamento e seu estimador exatamente como foram ajustados, as colunas de entrada de que ele precisa, suas métricas de treinamento, um perfil e uma amostra dos dados de treinamento para verificar desvios (drift), sua exportação ONNX, quando houver, e um cartão. O `oficina-cli predict` e o `oficina-cli serve` o leem; nada nele é executado como código.</translation>
    </message>
    <message>
        <source>To deploy the model: batch predictions on new files, or a real-time server that apps call over HTTP.</source>
        <translation>Para implantar o modelo: previsões em lote sobre arquivos novos, ou um servidor em tempo real que os aplicativos chamam por HTTP.</translation>
    </message>
    <message>
        <source>Package summary</source>
        <translation>Resumo do pacote</translation>
    </message>
    <message>
        <source>Model package</source>
        <translation>Pacote de modelo</translation>
    </message>
    <message>
        <source>Oficina models (*.ofmodel)</source>
        <translation>Modelos do Oficina (*.ofmodel)</translation>
    </message>
    <message>
        <source>Where to write the package; a relative path is taken from the pipeline&apos;s folder</source>
        <translation>Onde gravar o pacote; um caminho relativo parte da pasta do pipeline</translation>
    </message>
    <message>
        <source>not an ONNX model</source>
        <translation>não é um modelo ONNX</translation>
    </message>
    <message>
        <source>&quot;record_runs&quot; must be true or false</source>
        <translation>&quot;record_runs&quot; deve ser true ou false</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>Gates</translation>
    </message>
    <message>
        <source>Gates passed</source>
        <translation>Gates aprovados</translation>
    </message>
    <message>
        <source>Gates failed</source>
        <translation>Gates reprovados</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprovado</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Referência</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>write at least one rule, such as score.accuracy &gt;= 0.9</source>
        <translation>escreva ao menos uma regra, como score.accuracy &gt;= 0.9</translation>
    </message>
    <message>
        <source>node %1 is not connected to this gate: connect its metrics to one of the gate&apos;s inputs</source>
        <translation>o nó %1 não está conectado a este gate: conecte as métricas dele a uma das entradas do gate</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regras</translation>
    </message>
    <message>
        <source>One rule per line or separated by &apos;;&apos;, as oficina-cli run --require takes them: NODE.METRIC OP VALUE, e.g. score.accuracy &gt;= 0.9 or score.f1_macro &gt;= baseline+0.01. NODE is the id of a node connected to the gate (its tooltip shows it); OP is &gt;=, &gt;, &lt;= or &lt;; VALUE is a number, baseline+D, baseline-D or baseline*R. drift.max_psi is the largest PSI among the inputs.</source>
        <translation>Uma regra por linha ou separadas por &apos;;&apos;, como oficina-cli run --require as recebe: NODE.METRIC OP VALUE, p. ex. score.accuracy &gt;= 0.9 ou score.f1_macro &gt;= baseline+0.01. NODE é o id de um nó conectado ao gate (sua dica mostra); OP é &gt;=, &gt;, &lt;= ou &lt;; VALUE é um número, baseline+D, baseline-D ou baseline*R. drift.max_psi é o maior PSI entre as entradas.</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Checks metrics against rules, as a CI pipeline does with oficina-cli run --require: each rule passes or fails, with its value, the bound it was compared with and, when it could not be checked, why. A rule may compare with a baseline: the metrics of an earlier run&apos;s report. The gate&apos;s card says how many rules passed, in green or red.</source>
        <translation>Verifica métricas contra regras, como um pipeline de CI faz com oficina-cli run --require: cada regra é aprovada ou reprovada, com seu valor, o limite com que foi comparada e, quando não pôde ser verificada, o motivo. Uma regra pode comparar com uma referência: as métricas do relatório de uma execução anterior. O cartão do gate diz quantas regras passaram, em verde ou vermelho.</translation>
    </message>
    <message>
        <source>To see, before pushing, whether CI will accept the model: accuracy above a bar, no worse than the last release.</source>
        <translation>Para ver, antes de enviar, se a CI vai aceitar o modelo: acurácia acima de um patamar, nada pior que a última versão.</translation>
    </message>
    <message>
        <source>Metrics 2</source>
        <translation>Métricas 2</translation>
    </message>
    <message>
        <source>Metrics 3</source>
        <translation>Métricas 3</translation>
    </message>
    <message>
        <source>Metrics 4</source>
        <translation>Métricas 4</translation>
    </message>
    <message>
        <source>Baseline report</source>
        <translation>Relatório de referência</translation>
    </message>
    <message>
        <source>Run reports (*.json)</source>
        <translation>Relatórios de execução (*.json)</translation>
    </message>
    <message>
        <source>no baseline: rules that use one fail</source>
        <translation>sem referência: as regras que usam uma falham</translation>
    </message>
    <message>
        <source>The report of an earlier run (oficina-cli run --report), e.g. the main branch&apos;s last one: what baseline means in the rules</source>
        <translation>O relatório de uma execução anterior (oficina-cli run --report), p. ex. a última do ramo principal: o que baseline significa nas regras</translation>
    </message>
    <message>
        <source>Drift by column</source>
        <translation>Deriva por coluna</translation>
    </message>
    <message>
        <source>Columns that drifted</source>
        <translation>Colunas com deriva</translation>
    </message>
    <message>
        <source>Columns compared</source>
        <translation>Colunas comparadas</translation>
    </message>
    <message>
        <source>Largest PSI</source>
        <translation>Maior PSI</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Estatística</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>valor-p</translation>
    </message>
    <message>
        <source>Drift (1 = yes)</source>
        <translation>Deriva (1 = sim)</translation>
    </message>
    <message>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <source>test: %1</source>
        <translation>teste: %1</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has values the reference never had, such as &quot;%2&quot;</source>
        <translation>a coluna &apos;%1&apos; tem valores que a referência nunca teve, como &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Drift check</source>
        <translation>Verificação de deriva</translation>
    </message>
    <message>
        <source>Compares each column of new data with the data a model learned from: Kolmogorov-Smirnov, chi-squared or a two-proportion test on small reference sets, Wasserstein or Jensen-Shannon distances on larger ones, and PSI for every column, as oficina-cli drift does. A Gate can then fail the run on drift.max_psi.</source>
        <translation>Compara cada coluna de dados novos com os dados com que um modelo aprendeu: Kolmogorov-Smirnov, qui-quadrado ou um teste de duas proporções em referências pequenas, distâncias de Wasserstein ou de Jensen-Shannon nas maiores, e o PSI de cada coluna, como faz o oficina-cli drift. Um Gate pode então reprovar a execução por drift.max_psi.</translation>
    </message>
    <message>
        <source>Before trusting a model on this month&apos;s data: has it moved away from what the model was trained on?</source>
        <translation>Antes de confiar num modelo com os dados deste mês: eles se afastaram daquilo com que o modelo foi treinado?</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>Dados de referência</translation>
    </message>
    <message>
        <source>Current data</source>
        <translation>Dados atuais</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Deriva</translation>
    </message>
    <message>
        <source>every column of the reference</source>
        <translation>todas as colunas da referência</translation>
    </message>
    <message>
        <source>The columns to compare; each must be in both tables</source>
        <translation>As colunas a comparar; cada uma precisa estar nas duas tabelas</translation>
    </message>
</context>
<context>
    <name>oficina::core::ArffParser</name>
    <message>
        <source>this quote is not closed before the end of the line</source>
        <translation>estas aspas não são fechadas antes do fim da linha</translation>
    </message>
    <message>
        <source>expected @relation at the start of an ARFF file, found &apos;%1&apos;</source>
        <translation>esperava-se @relation no início de um arquivo ARFF, mas foi encontrado &apos;%1&apos;</translation>
    </message>
    <message>
        <source>@data comes before any @attribute</source>
        <translation>@data aparece antes de qualquer @attribute</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after @data; the data rows start on the next line</source>
        <translation>&apos;%1&apos; inesperado após @data; as linhas de dados começam na linha seguinte</translation>
    </message>
    <message>
        <source>expected @attribute or @data, found &apos;%1&apos;</source>
        <translation>esperava-se @attribute ou @data, mas foi encontrado &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>o arquivo está vazio</translation>
    </message>
    <message>
        <source>the file ends without a @data line: an ARFF file declares its attributes, then @data, then the rows</source>
        <translation>o arquivo termina sem uma linha @data: um arquivo ARFF declara seus atributos, depois @data e, por fim, as linhas</translation>
    </message>
    <message>
        <source>expected the relation&apos;s name after @relation</source>
        <translation>esperava-se o nome da relação após @relation</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after the relation&apos;s name; quote a name that contains spaces</source>
        <translation>&apos;%1&apos; inesperado após o nome da relação; coloque entre aspas um nome que contenha espaços</translation>
    </message>
    <message>
        <source>expected the attribute&apos;s name after @attribute</source>
        <translation>esperava-se o nome do atributo após @attribute</translation>
    </message>
    <message>
        <source>the attribute name &apos;%1&apos; is used twice</source>
        <translation>o nome de atributo &apos;%1&apos; é usado duas vezes</translation>
    </message>
    <message>
        <source>expected the type of attribute &apos;%1&apos;: numeric, real, integer, string, date or a {list} of values</source>
        <translation>esperava-se o tipo do atributo &apos;%1&apos;: numeric, real, integer, string, date ou uma {lista} de valores</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; is a date; it is read as text (a categorical column)</source>
        <translation>o atributo &apos;%1&apos; é uma data; ele é lido como texto (uma coluna categórica)</translation>
    </message>
    <message>
        <source>relational attributes (multi-instance data) are not supported</source>
        <translation>atributos relacionais (dados multi-instância) não são suportados</translation>
    </message>
    <message>
        <source>unknown attribute type &apos;%1&apos;; expected numeric, real, integer, string, date or a {list} of values</source>
        <translation>tipo de atributo desconhecido &apos;%1&apos;; esperava-se numeric, real, integer, string, date ou uma {lista} de valores</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after the attribute&apos;s type</source>
        <translation>&apos;%1&apos; inesperado após o tipo do atributo</translation>
    </message>
    <message>
        <source>this list of values is not closed with &apos;}&apos; on its line</source>
        <translation>esta lista de valores não é fechada com &apos;}&apos; na mesma linha</translation>
    </message>
    <message>
        <source>expected a value in the list of attribute &apos;%1&apos;</source>
        <translation>esperava-se um valor na lista do atributo &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the value &apos;%1&apos; is listed twice for attribute &apos;%2&apos;</source>
        <translation>o valor &apos;%1&apos; aparece duas vezes na lista do atributo &apos;%2&apos;</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after a value in the list of attribute &apos;%1&apos;</source>
        <translation>esperava-se &apos;,&apos; ou &apos;}&apos; após um valor na lista do atributo &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a value; write ? for a missing one</source>
        <translation>esperava-se um valor; escreva ? para um valor ausente</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; after a value</source>
        <translation>esperava-se &apos;,&apos; após um valor</translation>
    </message>
    <message>
        <source>expected %1 values, found %2</source>
        <translation>esperavam-se %1 valores, mas foram encontrados %2</translation>
    </message>
    <message>
        <source>this sparse row is not closed with &apos;}&apos; on its line</source>
        <translation>esta linha esparsa não é fechada com &apos;}&apos; na mesma linha</translation>
    </message>
    <message>
        <source>expected an attribute index (0 to %1) in a sparse row</source>
        <translation>esperava-se um índice de atributo (de 0 a %1) em uma linha esparsa</translation>
    </message>
    <message>
        <source>attribute index %1 is out of range: the indices go from 0 to %2</source>
        <translation>o índice de atributo %1 está fora do intervalo: os índices vão de 0 a %2</translation>
    </message>
    <message>
        <source>attribute index %1 is not greater than the one before; a sparse row lists indices in increasing order</source>
        <translation>o índice de atributo %1 não é maior que o anterior; uma linha esparsa lista os índices em ordem crescente</translation>
    </message>
    <message>
        <source>expected a space and a value after the attribute index</source>
        <translation>esperavam-se um espaço e um valor após o índice do atributo</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after a value in a sparse row</source>
        <translation>esperava-se &apos;,&apos; ou &apos;}&apos; após um valor em uma linha esparsa</translation>
    </message>
    <message>
        <source>unexpected text after the end of the sparse row</source>
        <translation>texto inesperado após o fim da linha esparsa</translation>
    </message>
    <message>
        <source>instance weights ({…} after a row) are ignored</source>
        <translation>os pesos de instância ({…} após uma linha) são ignorados</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number, and attribute &apos;%2&apos; is numeric</source>
        <translation>&apos;%1&apos; não é um número, e o atributo &apos;%2&apos; é numérico</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of the values declared for attribute &apos;%2&apos;: %3</source>
        <translation>&apos;%1&apos; não é um dos valores declarados para o atributo &apos;%2&apos;: %3</translation>
    </message>
</context>
<context>
    <name>oficina::core::BinningStep</name>
    <message>
        <source>Binning</source>
        <translation>Discretização</translation>
    </message>
</context>
<context>
    <name>oficina::core::CastColumnsStep</name>
    <message>
        <source>Cast column type</source>
        <translation>Converter tipo de coluna</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is missing; it was cast in training</source>
        <translation>a coluna &apos;%1&apos; está ausente; ela foi convertida no treinamento</translation>
    </message>
</context>
<context>
    <name>oficina::core::CategoricalNaiveBayes</name>
    <message>
        <source>Categorical naive Bayes</source>
        <translation>Naive Bayes categórico</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; was categorical in training but holds numbers here</source>
        <translation>a coluna &apos;%1&apos; era categórica no treinamento, mas aqui contém números</translation>
    </message>
</context>
<context>
    <name>oficina::core::ColumnSelectionStep</name>
    <message>
        <source>Select columns &amp; set target</source>
        <translation>Selecionar colunas e definir alvo</translation>
    </message>
    <message>
        <source>the feature column &apos;%1&apos; is missing</source>
        <translation>a coluna de atributo &apos;%1&apos; está ausente</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is %2 here but was %3 in training</source>
        <translation>a coluna &apos;%1&apos; é %2 aqui, mas era %3 no treinamento</translation>
    </message>
</context>
<context>
    <name>oficina::core::DecisionTree</name>
    <message>
        <source>Decision tree classifier</source>
        <translation>Classificador árvore de decisão</translation>
    </message>
    <message>
        <source>Decision tree regressor</source>
        <translation>Regressor árvore de decisão</translation>
    </message>
</context>
<context>
    <name>oficina::core::DropColumnsStep</name>
    <message>
        <source>Drop columns</source>
        <translation>Descartar colunas</translation>
    </message>
</context>
<context>
    <name>oficina::core::Executor</name>
    <message>
        <source>the pipeline has a cycle</source>
        <translation>o pipeline tem um ciclo</translation>
    </message>
    <message>
        <source>not run: the run was stopped</source>
        <translation>não executado: a execução foi interrompida</translation>
    </message>
    <message>
        <source>unknown node type &apos;%1&apos;</source>
        <translation>tipo de nó desconhecido: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is not connected</source>
        <translation>a entrada &apos;%1&apos; não está conectada</translation>
    </message>
    <message>
        <source>not run: input &apos;%1&apos; comes from &apos;%2&apos;, which did not finish</source>
        <translation>não executado: a entrada &apos;%1&apos; vem de &apos;%2&apos;, que não terminou</translation>
    </message>
    <message>
        <source>internal error: output &apos;%1&apos; was not produced</source>
        <translation>erro interno: a saída &apos;%1&apos; não foi produzida</translation>
    </message>
    <message>
        <source>stopped before it finished</source>
        <translation>interrompido antes de terminar</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>memória insuficiente</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>erro interno: %1</translation>
    </message>
</context>
<context>
    <name>oficina::core::FeatureSubsetStep</name>
    <message>
        <source>Select k best</source>
        <translation>Selecionar os k melhores</translation>
    </message>
    <message>
        <source>Variance threshold</source>
        <translation>Limiar de variância</translation>
    </message>
</context>
<context>
    <name>oficina::core::GaussianNaiveBayes</name>
    <message>
        <source>Gaussian naive Bayes</source>
        <translation>Naive Bayes gaussiano</translation>
    </message>
</context>
<context>
    <name>oficina::core::GradientBoosting</name>
    <message>
        <source>Gradient boosting classifier</source>
        <translation>Classificador gradient boosting</translation>
    </message>
    <message>
        <source>Gradient boosting regressor</source>
        <translation>Regressor gradient boosting</translation>
    </message>
</context>
<context>
    <name>oficina::core::GradientDescentStepper</name>
    <message>
        <source>gradient descent needs at least two rows and one feature</source>
        <translation>a descida do gradiente precisa de pelo menos duas linhas e um atributo</translation>
    </message>
    <message>
        <source>there are %1 rows but %2 class labels</source>
        <translation>há %1 linhas, mas %2 rótulos de classe</translation>
    </message>
    <message>
        <source>a classifier needs at least two classes</source>
        <translation>um classificador precisa de pelo menos duas classes</translation>
    </message>
    <message>
        <source>the data has missing or infinite values; impute or drop them first</source>
        <translation>os dados têm valores ausentes ou infinitos; faça a imputação ou descarte-os antes</translation>
    </message>
    <message>
        <source>every row needs a known class</source>
        <translation>toda linha precisa de uma classe conhecida</translation>
    </message>
    <message>
        <source>the learning rate and C must be positive</source>
        <translation>a taxa de aprendizado e C devem ser positivos</translation>
    </message>
    <message>
        <source>feature %1 has the same value in every row</source>
        <translation>o atributo %1 tem o mesmo valor em todas as linhas</translation>
    </message>
    <message>
        <source>a decision boundary is drawn for two features</source>
        <translation>a fronteira de decisão é desenhada para dois atributos</translation>
    </message>
    <message>
        <source>the grid ranges must be finite and not empty</source>
        <translation>os intervalos da grade devem ser finitos e não vazios</translation>
    </message>
    <message>
        <source>the hidden layer needs between 0 and 1000 units</source>
        <translation>a camada oculta precisa ter entre 0 e 1000 unidades</translation>
    </message>
</context>
<context>
    <name>oficina::core::Graph</name>
    <message>
        <source>node id &apos;%1&apos; may only hold letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>o id de nó &apos;%1&apos; só pode conter letras, dígitos, &apos;_&apos; e &apos;-&apos;</translation>
    </message>
    <message>
        <source>node id &apos;%1&apos; is used twice</source>
        <translation>o id de nó &apos;%1&apos; é usado duas vezes</translation>
    </message>
    <message>
        <source>no node &apos;%1&apos;</source>
        <translation>não há nó &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>oficina::core::ImputerStep</name>
    <message>
        <source>Imputer</source>
        <translation>Imputador</translation>
    </message>
    <message>
        <source>the imputer was fitted on column &apos;%1&apos;, which this table does not have</source>
        <translation>o imputador foi ajustado na coluna &apos;%1&apos;, que esta tabela não tem</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is %2 here but was %3 when the imputer was fitted</source>
        <translation>a coluna &apos;%1&apos; é %2 aqui, mas era %3 quando o imputador foi ajustado</translation>
    </message>
</context>
<context>
    <name>oficina::core::KMeansModel</name>
    <message>
        <source>K-Means</source>
        <translation>K-Means</translation>
    </message>
</context>
<context>
    <name>oficina::core::KMeansStepper</name>
    <message>
        <source>max_iter must be at least 1 and tol not negative</source>
        <translation>max_iter deve ser pelo menos 1 e tol não pode ser negativo</translation>
    </message>
    <message>
        <source>the initial centres must be a %1 × %2 matrix</source>
        <translation>os centros iniciais devem formar uma matriz %1 × %2</translation>
    </message>
</context>
<context>
    <name>oficina::core::KernelSvm</name>
    <message>
        <source>SVM (kernel)</source>
        <translation>SVM (kernel)</translation>
    </message>
    <message>
        <source>SVR</source>
        <translation>SVR</translation>
    </message>
</context>
<context>
    <name>oficina::core::KernelSvm::Impl::F</name>
    <message>
        <source>%1 features given to a model trained on %2</source>
        <translation>%1 atributos dados a um modelo treinado com %2</translation>
    </message>
</context>
<context>
    <name>oficina::core::KnnClassifier</name>
    <message>
        <source>k-NN classifier</source>
        <translation>Classificador k-NN</translation>
    </message>
</context>
<context>
    <name>oficina::core::KnnIndex</name>
    <message>
        <source>there are no rows to train on</source>
        <translation>não há linhas para treinar</translation>
    </message>
    <message>
        <source>%1 features to predict from, but the model was trained on %2</source>
        <translation>%1 atributos para prever, mas o modelo foi treinado com %2</translation>
    </message>
</context>
<context>
    <name>oficina::core::KnnRegressor</name>
    <message>
        <source>k-NN regressor</source>
        <translation>Regressor k-NN</translation>
    </message>
</context>
<context>
    <name>oficina::core::Lineage</name>
    <message>
        <source>the data went through &apos;%1&apos;, which the model&apos;s training data did not; connect the data from before that step</source>
        <translation>os dados passaram por &apos;%1&apos;, mas os dados de treinamento do modelo não; conecte os dados de antes dessa etapa</translation>
    </message>
    <message>
        <source>refitting needs raw rows, but the data already went through &apos;%1&apos;</source>
        <translation>reajustar requer linhas brutas, mas os dados já passaram por &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>oficina::core::LinearSvc</name>
    <message>
        <source>Linear SVM</source>
        <translation>SVM linear</translation>
    </message>
</context>
<context>
    <name>oficina::core::LogisticRegression</name>
    <message>
        <source>Logistic regression</source>
        <translation>Regressão logística</translation>
    </message>
</context>
<context>
    <name>oficina::core::MaxFeatures</name>
    <message>
        <source>max_features must be empty (all features), &apos;sqrt&apos;, &apos;log2&apos;, a whole number of features or a fraction in (0, 1], not &apos;%1&apos;</source>
        <translation>max_features deve ser vazio (todos os atributos), &apos;sqrt&apos;, &apos;log2&apos;, um número inteiro de atributos ou uma fração em (0, 1], não &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>oficina::core::MinMaxScalerStep</name>
    <message>
        <source>Min-max scaler</source>
        <translation>Escalonador mín-máx</translation>
    </message>
</context>
<context>
    <name>oficina::core::NearestNeighbors</name>
    <message>
        <source>nearest-neighbour search needs at least one row and one feature column</source>
        <translation>a busca de vizinhos mais próximos precisa de pelo menos uma linha e uma coluna de atributo</translation>
    </message>
    <message>
        <source>the number of neighbours (%1) must be between 1 and the number of rows (%2)</source>
        <translation>o número de vizinhos (%1) deve estar entre 1 e o número de linhas (%2)</translation>
    </message>
    <message>
        <source>the query has %1 columns but the indexed data has %2</source>
        <translation>a consulta tem %1 colunas, mas os dados indexados têm %2</translation>
    </message>
</context>
<context>
    <name>oficina::core::OneHotEncoderStep</name>
    <message>
        <source>One-hot encoder</source>
        <translation>Codificador one-hot</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;, row %2 is missing; impute it before encoding</source>
        <translation>coluna &apos;%1&apos;, linha %2 está ausente; faça a imputação antes de codificar</translation>
    </message>
    <message>
        <source>the one-hot encoder makes a column &apos;%1&apos;, but the table already has one; rename it first</source>
        <translation>o codificador one-hot cria uma coluna &apos;%1&apos;, mas a tabela já tem uma; renomeie-a antes</translation>
    </message>
</context>
<context>
    <name>oficina::core::OrdinalEncoderStep</name>
    <message>
        <source>Ordinal encoder</source>
        <translation>Codificador ordinal</translation>
    </message>
</context>
<context>
    <name>oficina::core::ParamValues</name>
    <message>
        <source>parameter &apos;%1&apos; is not set</source>
        <translation>o parâmetro &apos;%1&apos; não está definido</translation>
    </message>
</context>
<context>
    <name>oficina::core::Parameter</name>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1 deve ser um número inteiro</translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation>%1 deve ser um número</translation>
    </message>
    <message>
        <source>%1 must be a finite number</source>
        <translation>%1 deve ser um número finito</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 deve ser verdadeiro ou falso</translation>
    </message>
    <message>
        <source>%1 must be one of: %2</source>
        <translation>%1 deve ser um dos seguintes: %2</translation>
    </message>
    <message>
        <source>%1 must be a list of column names</source>
        <translation>%1 deve ser uma lista de nomes de colunas</translation>
    </message>
    <message>
        <source>%1 needs at least one column</source>
        <translation>%1 precisa de pelo menos uma coluna</translation>
    </message>
    <message>
        <source>%1 must be text</source>
        <translation>%1 deve ser texto</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 é obrigatório</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value for %2: expected %3</source>
        <translation>&apos;%1&apos; não é um valor válido para %2: esperava-se %3</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>um número inteiro</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>verdadeiro ou falso</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; is %2; expected %3</source>
        <translation>o parâmetro &apos;%1&apos; é %2; esperava-se %3</translation>
    </message>
    <message>
        <source>a list of column names</source>
        <translation>uma lista de nomes de colunas</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>%1 must be a list of layers</source>
        <translation>%1 deve ser uma lista de camadas</translation>
    </message>
    <message>
        <source>%1, layer %2: %3</source>
        <translation>%1, camada %2: %3</translation>
    </message>
    <message>
        <source>a list of layers</source>
        <translation>uma lista de camadas</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
</context>
<context>
    <name>oficina::core::PcaStep</name>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
</context>
<context>
    <name>oficina::core::PolynomialStep</name>
    <message>
        <source>polynomial features of degree %1 on %2 columns would make more than %3 columns</source>
        <translation>atributos polinomiais de grau %1 em %2 colunas gerariam mais de %3 colunas</translation>
    </message>
    <message>
        <source>Polynomial features</source>
        <translation>Atributos polinomiais</translation>
    </message>
</context>
<context>
    <name>oficina::core::PowerTransformStep</name>
    <message>
        <source>Power transform</source>
        <translation>Transformação de potência</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has the value %2, and log(1 + x) needs values above −1</source>
        <translation>a coluna &apos;%1&apos; tem o valor %2, e log(1 + x) precisa de valores acima de −1</translation>
    </message>
</context>
<context>
    <name>oficina::core::RandomForest</name>
    <message>
        <source>Random forest classifier</source>
        <translation>Classificador floresta aleatória</translation>
    </message>
    <message>
        <source>Random forest regressor</source>
        <translation>Regressor floresta aleatória</translation>
    </message>
</context>
<context>
    <name>oficina::core::RenameColumnsStep</name>
    <message>
        <source>Rename columns</source>
        <translation>Renomear colunas</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is missing; it was renamed to &apos;%2&apos; in training</source>
        <translation>a coluna &apos;%1&apos; está ausente; ela foi renomeada para &apos;%2&apos; no treinamento</translation>
    </message>
</context>
<context>
    <name>oficina::core::RobustScalerStep</name>
    <message>
        <source>Robust scaler</source>
        <translation>Escalonador robusto</translation>
    </message>
</context>
<context>
    <name>oficina::core::StandardScalerStep</name>
    <message>
        <source>Standard scaler</source>
        <translation>Padronizador</translation>
    </message>
    <message>
        <source>the standard scaler was fitted on column &apos;%1&apos;, which this table does not have</source>
        <translation>o padronizador foi ajustado na coluna &apos;%1&apos;, que esta tabela não tem</translation>
    </message>
    <message>
        <source>the standard scaler was fitted on numeric column &apos;%1&apos;, which is categorical here</source>
        <translation>o padronizador foi ajustado na coluna numérica &apos;%1&apos;, que aqui é categórica</translation>
    </message>
</context>
<context>
    <name>oficina::core::Table</name>
    <message>
        <source>column &apos;%1&apos; has %2 rows, expected %3</source>
        <translation>a coluna &apos;%1&apos; tem %2 linhas; esperavam-se %3</translation>
    </message>
    <message>
        <source>column name &apos;%1&apos; appears twice</source>
        <translation>o nome de coluna &apos;%1&apos; aparece duas vezes</translation>
    </message>
    <message>
        <source>no column named &apos;%1&apos; (the columns are: %2)</source>
        <translation>não há coluna chamada &apos;%1&apos; (as colunas são: %2)</translation>
    </message>
</context>
<context>
    <name>oficina::core::TextInput</name>
    <message>
        <source>cannot open the file (%1)</source>
        <translation>não é possível abrir o arquivo (%1)</translation>
    </message>
    <message>
        <source>this is a named pipe (FIFO), not a regular file; to read a stream, pipe it into standard input and give &apos;-&apos; as the file name</source>
        <translation>isto é um pipe nomeado (FIFO), não um arquivo comum; para ler um fluxo, envie-o pela entrada padrão e use &apos;-&apos; como nome do arquivo</translation>
    </message>
    <message>
        <source>this is a device or a socket, not a regular file</source>
        <translation>isto é um dispositivo ou um socket, não um arquivo comum</translation>
    </message>
    <message>
        <source>this is a spreadsheet (xlsx/ods) or zip archive, not a text file; save it as CSV first</source>
        <translation>isto é uma planilha (xlsx/ods) ou um arquivo zip, não um arquivo de texto; salve-o como CSV antes</translation>
    </message>
    <message>
        <source>this is an Excel .xls spreadsheet, not a text file; save it as CSV first</source>
        <translation>isto é uma planilha .xls do Excel, não um arquivo de texto; salve-a como CSV antes</translation>
    </message>
    <message>
        <source>this file is compressed with gzip; decompress it first</source>
        <translation>este arquivo está comprimido com gzip; descomprima-o antes</translation>
    </message>
    <message>
        <source>this is not a text file</source>
        <translation>isto não é um arquivo de texto</translation>
    </message>
    <message>
        <source>the text is not valid %1, as its byte-order mark says</source>
        <translation>o texto não é %1 válido, como diz sua marca de ordem de bytes</translation>
    </message>
</context>
<context>
    <name>oficina::core::csv</name>
    <message>
        <source>invalid UTF-8 (byte %1); if the file is in Latin-1 (ISO-8859-1), choose that encoding</source>
        <translation>UTF-8 inválido (byte %1); se o arquivo estiver em Latin-1 (ISO-8859-1), escolha essa codificação</translation>
    </message>
    <message>
        <source>invalid CSV options: the delimiter &apos;%1&apos; and the decimal mark &apos;%2&apos; cannot be used together</source>
        <translation>opções de CSV inválidas: o delimitador &apos;%1&apos; e o separador decimal &apos;%2&apos; não podem ser usados juntos</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>o arquivo está vazio</translation>
    </message>
</context>
<context>
    <name>oficina::core::csv::RangeParser</name>
    <message>
        <source>the file changed while it was being read</source>
        <translation>o arquivo foi alterado enquanto era lido</translation>
    </message>
    <message>
        <source>this quote is never closed: the file ends inside a quoted field</source>
        <translation>estas aspas nunca são fechadas: o arquivo termina dentro de um campo entre aspas</translation>
    </message>
    <message>
        <source>expected %1 fields (as in the header), found %2</source>
        <translation>esperavam-se %1 campos (como no cabeçalho), mas foram encontrados %2</translation>
    </message>
    <message>
        <source>expected %1 fields (as in the first line), found %2</source>
        <translation>esperavam-se %1 campos (como na primeira linha), mas foram encontrados %2</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after a closing quote; a quote inside a quoted field must be doubled (&quot;&quot;)</source>
        <translation>&apos;%1&apos; inesperado após aspas de fechamento; aspas dentro de um campo entre aspas devem ser duplicadas (&quot;&quot;)</translation>
    </message>
    <message>
        <source>invalid UTF-8 (byte %1); if the file is in Latin-1 (ISO-8859-1), choose that encoding</source>
        <translation>UTF-8 inválido (byte %1); se o arquivo estiver em Latin-1 (ISO-8859-1), escolha essa codificação</translation>
    </message>
</context>
<context>
    <name>oficina::core::csv::Scanner</name>
    <message>
        <source>this quote is never closed: the file ends inside a quoted field</source>
        <translation>estas aspas nunca são fechadas: o arquivo termina dentro de um campo entre aspas</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after a closing quote; a quote inside a quoted field must be doubled (&quot;&quot;)</source>
        <translation>&apos;%1&apos; inesperado após aspas de fechamento; aspas dentro de um campo entre aspas devem ser duplicadas (&quot;&quot;)</translation>
    </message>
</context>
<context>
    <name>oficina::core::deploy</name>
    <message>
        <source>there is no column &quot;%1&quot; to keep</source>
        <translation>não há coluna &quot;%1&quot; para manter</translation>
    </message>
    <message>
        <source>row %1 has the class %2, not one of the %3</source>
        <translation>a linha %1 tem a classe %2, que não é uma das %3</translation>
    </message>
    <message>
        <source>expected a list of features</source>
        <translation>esperava-se uma lista de atributos</translation>
    </message>
    <message>
        <source>expected a column per category (%1), found %2</source>
        <translation>esperava-se uma coluna por categoria (%1), mas foram encontradas %2</translation>
    </message>
    <message>
        <source>expected one or more cluster centres</source>
        <translation>esperava-se um ou mais centros de grupo</translation>
    </message>
    <message>
        <source>Linear regression</source>
        <translation>Regressão linear</translation>
    </message>
    <message>
        <source>Ridge regression</source>
        <translation>Regressão ridge</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <source>Elastic net</source>
        <translation>Elastic net</translation>
    </message>
    <message>
        <source>expected from 2 to %1 groups, found %2</source>
        <translation>esperavam-se de 2 a %1 grupos, mas foram encontrados %2</translation>
    </message>
    <message>
        <source>the class %1 of a group is not one of the %2 classes, or is another group&apos;s</source>
        <translation>a classe %1 de um grupo não é uma das %2 classes, ou já pertence a outro grupo</translation>
    </message>
    <message>
        <source>the group sizes add up to %1, not to the %2 support vectors, or one is negative</source>
        <translation>os tamanhos dos grupos somam %1, e não os %2 vetores de suporte, ou um deles é negativo</translation>
    </message>
    <message>
        <source>there is no trained model to describe</source>
        <translation>não há modelo treinado para descrever</translation>
    </message>
    <message>
        <source>the model&apos;s training rows are not known: run the pipeline that trains it</source>
        <translation>as linhas de treinamento do modelo não são conhecidas: execute o pipeline que o treina</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>esperava-se uma lista</translation>
    </message>
    <message>
        <source>the manifest lists no %1: the package is incomplete</source>
        <translation>o manifesto não lista %1: o pacote está incompleto</translation>
    </message>
    <message>
        <source>the model package is corrupted: %1 does not match the checksum in its manifest</source>
        <translation>o pacote de modelo está corrompido: %1 não confere com a soma de verificação do seu manifesto</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; is missing: the model reads it (%2)</source>
        <translation>falta a coluna &quot;%1&quot;: o modelo a lê (%2)</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; must hold numbers, but it holds &quot;%2&quot;</source>
        <translation>a coluna &quot;%1&quot; deve conter números, mas contém &quot;%2&quot;</translation>
    </message>
    <message>
        <source>expected a list of %1 to %2 sizes, found %3</source>
        <translation>esperava-se uma lista de %1 a %2 tamanhos, mas foi encontrado %3</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, found %3</source>
        <translation>esperava-se um número inteiro de %1 a %2, mas foi encontrado %3</translation>
    </message>
    <message>
        <source>the model %1 (%2) is not a neural network</source>
        <translation>o modelo %1 (%2) não é uma rede neural</translation>
    </message>
    <message>
        <source>a network with a TorchScript backbone cannot be packaged: the backbone is a compiled program, and opening a model package never runs code from the file; for the same reason it cannot be exported to ONNX either</source>
        <translation>uma rede com uma rede base TorchScript não pode ser empacotada: a rede base é um programa compilado, e abrir um pacote de modelo nunca executa código do arquivo; pelo mesmo motivo, ela também não pode ser exportada para ONNX</translation>
    </message>
    <message>
        <source>layer %1 (%2) does not read back from its text form, so the network cannot be packaged</source>
        <translation>a camada %1 (%2) não pode ser lida de volta a partir da sua forma em texto, por isso a rede não pode ser empacotada</translation>
    </message>
    <message>
        <source>the tensor %1 has shape %2 but %3 values</source>
        <translation>o tensor %1 tem forma %2, mas %3 valores</translation>
    </message>
    <message>
        <source>expected &quot;classification&quot; or &quot;regression&quot;, found &quot;%1&quot;</source>
        <translation>esperava-se &quot;classification&quot; ou &quot;regression&quot;, mas foi encontrado &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a network reads at least one feature column</source>
        <translation>uma rede lê pelo menos uma coluna de atributo</translation>
    </message>
    <message>
        <source>a classifier needs at least one class</source>
        <translation>um classificador precisa de pelo menos uma classe</translation>
    </message>
    <message>
        <source>a regression network has no classes</source>
        <translation>uma rede de regressão não tem classes</translation>
    </message>
    <message>
        <source>the input shape %1 does not hold the %2 feature columns the network reads</source>
        <translation>a forma de entrada %1 não comporta as %2 colunas de atributos que a rede lê</translation>
    </message>
    <message>
        <source>the last layer outputs %1, but the output layer needs a row of features</source>
        <translation>a última camada produz %1, mas a camada de saída precisa de uma linha de atributos</translation>
    </message>
    <message>
        <source>expected the output shapes of %1 layers, found %2</source>
        <translation>esperavam-se as formas de saída de %1 camadas, mas foi encontrado %2</translation>
    </message>
    <message>
        <source>layer %1 outputs %2, not %3</source>
        <translation>a camada %1 produz %2, não %3</translation>
    </message>
    <message>
        <source>expected a finite number, found %1</source>
        <translation>esperava-se um número finito, mas foi encontrado %1</translation>
    </message>
    <message>
        <source>expected a finite number above 0, found %1</source>
        <translation>esperava-se um número finito maior que 0, mas foi encontrado %1</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>esperava-se um objeto JSON</translation>
    </message>
    <message>
        <source>the tensor &quot;%1&quot; is missing</source>
        <translation>falta o tensor &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the tensor &quot;%1&quot; has shape %2, but the layers need %3</source>
        <translation>o tensor &quot;%1&quot; tem forma %2, mas as camadas precisam de %3</translation>
    </message>
    <message>
        <source>the tensor &quot;%1&quot; is too large</source>
        <translation>o tensor &quot;%1&quot; é grande demais</translation>
    </message>
    <message>
        <source>the tensor &quot;%1&quot; is not a weight of the network its layers describe</source>
        <translation>o tensor &quot;%1&quot; não é um peso da rede que as camadas descrevem</translation>
    </message>
    <message>
        <source>the feature range&apos;s minimum (%1) must be smaller than its maximum (%2)</source>
        <translation>o mínimo do intervalo dos atributos (%1) deve ser menor que seu máximo (%2)</translation>
    </message>
    <message>
        <source>invalid quantile range %1–%2: it needs 0 ≤ low ≤ high ≤ 100</source>
        <translation>intervalo de quantis inválido %1–%2: é preciso 0 ≤ inferior ≤ superior ≤ 100</translation>
    </message>
    <message>
        <source>expected at least 2 edges, found %1</source>
        <translation>esperavam-se pelo menos 2 limites, mas foram encontrados %1</translation>
    </message>
    <message>
        <source>expected &quot;numeric&quot; or &quot;categorical&quot;, found &quot;%1&quot;</source>
        <translation>esperava-se &quot;numeric&quot; ou &quot;categorical&quot;, mas foi encontrado &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not an Oficina model package (its format is &quot;%1&quot;)</source>
        <translation>não é um pacote de modelo do Oficina (seu formato é &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>the package has format version %1 (made by Oficina %2); this Oficina reads up to version %3: update Oficina</source>
        <translation>o pacote tem a versão de formato %1 (feito pelo Oficina %2); esta versão do Oficina lê até a versão %3: atualize o Oficina</translation>
    </message>
    <message>
        <source>unknown task &quot;%1&quot;</source>
        <translation>tarefa desconhecida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a list of columns</source>
        <translation>esperava-se uma lista de colunas</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; appears twice</source>
        <translation>a coluna &quot;%1&quot; aparece duas vezes</translation>
    </message>
    <message>
        <source>the code %1 has no category (there are %2)</source>
        <translation>o código %1 não tem categoria (há %2)</translation>
    </message>
    <message>
        <source>the step %1 (%2) cannot be saved in a model package</source>
        <translation>a etapa %1 (%2) não pode ser salva num pacote de modelo</translation>
    </message>
    <message>
        <source>the model %1 (%2) cannot be saved in a model package</source>
        <translation>o modelo %1 (%2) não pode ser salvo num pacote de modelo</translation>
    </message>
    <message>
        <source>unknown step type &quot;%1&quot;: the package was made by a newer Oficina</source>
        <translation>tipo de etapa desconhecido &quot;%1&quot;: o pacote foi feito por uma versão mais nova do Oficina</translation>
    </message>
    <message>
        <source>unknown model type &quot;%1&quot;: the package was made by a newer Oficina</source>
        <translation>tipo de modelo desconhecido &quot;%1&quot;: o pacote foi feito por uma versão mais nova do Oficina</translation>
    </message>
    <message>
        <source>unknown column role &quot;%1&quot;</source>
        <translation>papel de coluna desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the tree is empty</source>
        <translation>a árvore está vazia</translation>
    </message>
    <message>
        <source>node %1 has the children %2 and %3: expected two nodes after it among the %4, or -1 and -1 for a leaf</source>
        <translation>o nó %1 tem os filhos %2 e %3: esperavam-se dois nós depois dele entre os %4, ou -1 e -1 para uma folha</translation>
    </message>
    <message>
        <source>node %1 splits on feature %2: expected one of the %3 features, or -1 for a leaf</source>
        <translation>o nó %1 divide pelo atributo %2: esperava-se um dos %3 atributos, ou -1 para uma folha</translation>
    </message>
    <message>
        <source>a classifier&apos;s criterion is &quot;gini&quot; or &quot;entropy&quot;</source>
        <translation>o critério de um classificador é &quot;gini&quot; ou &quot;entropy&quot;</translation>
    </message>
    <message>
        <source>a regressor&apos;s criterion is &quot;squared_error&quot;</source>
        <translation>o critério de um regressor é &quot;squared_error&quot;</translation>
    </message>
    <message>
        <source>expected a list of one or more trees</source>
        <translation>esperava-se uma lista de uma ou mais árvores</translation>
    </message>
</context>
<context>
    <name>oficina::core::deploy::StateReader</name>
    <message>
        <source>expected a JSON object</source>
        <translation>esperava-se um objeto JSON</translation>
    </message>
    <message>
        <source>the member &quot;%1&quot; is missing</source>
        <translation>falta o membro &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>esperava-se um número, mas foi encontrado %1</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, found %3</source>
        <translation>esperava-se um número inteiro de %1 a %2, mas foi encontrado %3</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>esperava-se true ou false, mas foi encontrado %1</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>esperava-se uma string, mas foi encontrado %1</translation>
    </message>
    <message>
        <source>expected a list of strings, found %1</source>
        <translation>esperava-se uma lista de strings, mas foi encontrado %1</translation>
    </message>
    <message>
        <source>expected an array of %1, found %2</source>
        <translation>esperava-se um array de %1, mas foi encontrado %2</translation>
    </message>
    <message>
        <source>the array (%1 values at byte %2) lies outside the %3 bytes of binary data</source>
        <translation>o array (%1 valores no byte %2) fica fora dos %3 bytes de dados binários</translation>
    </message>
    <message>
        <source>expected %1 values, found %2</source>
        <translation>esperavam-se %1 valores, mas foram encontrados %2</translation>
    </message>
    <message>
        <source>expected a %1 × %2 matrix, found %3 × %4</source>
        <translation>esperava-se uma matriz %1 × %2, mas foi encontrada uma %3 × %4</translation>
    </message>
    <message>
        <source>the matrix is too large</source>
        <translation>a matriz é grande demais</translation>
    </message>
</context>
<context>
    <name>oficina::core::deploy::ZipReader</name>
    <message>
        <source>not a model package: the file is not a zip archive, or it was cut short</source>
        <translation>não é um pacote de modelo: o arquivo não é um arquivo zip ou está truncado</translation>
    </message>
    <message>
        <source>the model package is damaged: %1</source>
        <translation>o pacote de modelo está danificado: %1</translation>
    </message>
    <message>
        <source>the model package has no %1: it is incomplete</source>
        <translation>o pacote de modelo não tem %1: está incompleto</translation>
    </message>
    <message>
        <source>the model package is damaged: %1 cannot be read</source>
        <translation>o pacote de modelo está danificado: não é possível ler %1</translation>
    </message>
    <message>
        <source>%1 in the model package is %2 bytes, more than the %3 it may have</source>
        <translation>%1 no pacote de modelo tem %2 bytes, mais que os %3 permitidos</translation>
    </message>
    <message>
        <source>the model package is damaged: %1 cannot be read (%2)</source>
        <translation>o pacote de modelo está danificado: não é possível ler %1 (%2)</translation>
    </message>
    <message>
        <source>the model package is damaged: %1 does not read back as written (%2)</source>
        <translation>o pacote de modelo está danificado: %1 não é lido de volta como foi gravado (%2)</translation>
    </message>
</context>
<context>
    <name>oficina::core::deploy::estimatorcodec</name>
    <message>
        <source>expected one of %1, found &quot;%2&quot;</source>
        <translation>esperava-se um entre %1, mas foi encontrado &quot;%2&quot;</translation>
    </message>
    <message>
        <source>a classifier needs at least two classes, found %1</source>
        <translation>um classificador precisa de pelo menos duas classes, mas foram encontradas %1</translation>
    </message>
    <message>
        <source>the classes are not all different</source>
        <translation>as classes não são todas diferentes</translation>
    </message>
</context>
<context>
    <name>oficina::core::deploy::stepcodec</name>
    <message>
        <source>unknown value &quot;%1&quot;; expected one of %2</source>
        <translation>valor desconhecido &quot;%1&quot;; esperava-se um entre %2</translation>
    </message>
    <message>
        <source>expected a list, found %1</source>
        <translation>esperava-se uma lista, mas foi encontrado %1</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>esperava-se um número, mas foi encontrado %1</translation>
    </message>
    <message>
        <source>expected values in ascending order, found %1 after %2</source>
        <translation>esperavam-se valores em ordem crescente, mas foi encontrado %1 depois de %2</translation>
    </message>
</context>
<context>
    <name>oficina::core::kmeans_detail</name>
    <message>
        <source>the number of clusters must be at least 1</source>
        <translation>o número de grupos deve ser pelo menos 1</translation>
    </message>
    <message>
        <source>there are %1 rows, fewer than the %2 clusters asked for</source>
        <translation>há %1 linhas, menos que os %2 grupos pedidos</translation>
    </message>
    <message>
        <source>clustering needs at least one numeric feature column</source>
        <translation>o agrupamento precisa de pelo menos uma coluna de atributo numérica</translation>
    </message>
    <message>
        <source>the data has missing or infinite values; impute or drop them first</source>
        <translation>os dados têm valores ausentes ou infinitos; impute-os ou remova-os antes</translation>
    </message>
</context>
<context>
    <name>oficina::core::monitor</name>
    <message>
        <source>the training-data profile is malformed at %1</source>
        <translation>o perfil dos dados de treinamento está malformado em %1</translation>
    </message>
    <message>
        <source>column %1: expected a node id (letters, digits, &apos;_&apos; or &apos;-&apos;)</source>
        <translation>coluna %1: esperava-se o id de um nó (letras, dígitos, &apos;_&apos; ou &apos;-&apos;)</translation>
    </message>
    <message>
        <source>column %1: expected &apos;.&apos; and a metric after the node id</source>
        <translation>coluna %1: esperava-se &apos;.&apos; e uma métrica depois do id do nó</translation>
    </message>
    <message>
        <source>column %1: expected a metric name</source>
        <translation>coluna %1: esperava-se o nome de uma métrica</translation>
    </message>
    <message>
        <source>column %1: expected an operator: &gt;=, &gt;, &lt;= or &lt;</source>
        <translation>coluna %1: esperava-se um operador: &gt;=, &gt;, &lt;= ou &lt;</translation>
    </message>
    <message>
        <source>column %1: expected a ratio after baseline*</source>
        <translation>coluna %1: esperava-se uma razão depois de baseline*</translation>
    </message>
    <message>
        <source>column %1: expected a number after baseline+ or baseline-</source>
        <translation>coluna %1: esperava-se um número depois de baseline+ ou baseline-</translation>
    </message>
    <message>
        <source>column %1: expected +D, -D or *R after baseline, or the end of the rule</source>
        <translation>coluna %1: esperava-se +D, -D ou *R depois de baseline, ou o fim da regra</translation>
    </message>
    <message>
        <source>column %1: expected a number, baseline+D, baseline-D or baseline*R</source>
        <translation>coluna %1: esperava-se um número, baseline+D, baseline-D ou baseline*R</translation>
    </message>
    <message>
        <source>column %1: expected the end of the rule</source>
        <translation>coluna %1: esperava-se o fim da regra</translation>
    </message>
    <message>
        <source>the run has no metric %1</source>
        <translation>a execução não tem a métrica %1</translation>
    </message>
    <message>
        <source>the run&apos;s %1 is not a number</source>
        <translation>%1 da execução não é um número</translation>
    </message>
    <message>
        <source>the rule needs a baseline, and none was given</source>
        <translation>a regra precisa de uma referência, e nenhuma foi dada</translation>
    </message>
    <message>
        <source>the baseline has no metric %1</source>
        <translation>a referência não tem a métrica %1</translation>
    </message>
    <message>
        <source>the baseline&apos;s %1 is not a number</source>
        <translation>%1 da referência não é um número</translation>
    </message>
    <message>
        <source>the baseline is 0, so the relative change is undefined: as in MLflow, the value must beat the baseline by %1</source>
        <translation>a referência é 0, então a variação relativa é indefinida: como no MLflow, o valor precisa superar a referência em %1</translation>
    </message>
    <message>
        <source>the bound computed from the baseline&apos;s %1 is not a number</source>
        <translation>o limite calculado a partir de %1 da referência não é um número</translation>
    </message>
    <message>
        <source>not an Oficina run report (oficina-cli run --report writes one)</source>
        <translation>não é um relatório de execução do Oficina (oficina-cli run --report grava um)</translation>
    </message>
    <message>
        <source>the run report has no format version</source>
        <translation>o relatório de execução não tem versão de formato</translation>
    </message>
    <message>
        <source>run report version %1 is newer than this Oficina reads (%2)</source>
        <translation>a versão %1 do relatório de execução é mais nova do que esta versão do Oficina lê (%2)</translation>
    </message>
    <message>
        <source>the run report has no list of nodes</source>
        <translation>o relatório de execução não tem uma lista de nós</translation>
    </message>
    <message>
        <source>a node of the run report has no id: %1</source>
        <translation>um nó do relatório de execução não tem id: %1</translation>
    </message>
    <message>
        <source>node %1 appears twice in the run report</source>
        <translation>o nó %1 aparece duas vezes no relatório de execução</translation>
    </message>
    <message>
        <source>node %1 of the run report has no metrics object</source>
        <translation>o nó %1 do relatório de execução não tem um objeto de métricas</translation>
    </message>
    <message>
        <source>metric %1 of node %2 is not a number: %3</source>
        <translation>a métrica %1 do nó %2 não é um número: %3</translation>
    </message>
    <message>
        <source>this is a folder, not a run report</source>
        <translation>isto é uma pasta, não um relatório de execução</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>não é possível abrir o arquivo: %1</translation>
    </message>
    <message>
        <source>test &apos;%1&apos; needs a numeric column; &apos;%2&apos; is categorical</source>
        <translation>o teste &apos;%1&apos; precisa de uma coluna numérica; &apos;%2&apos; é categórica</translation>
    </message>
    <message>
        <source>test &apos;%1&apos; needs a column with at most 2 distinct values; &apos;%2&apos; has more</source>
        <translation>o teste &apos;%1&apos; precisa de uma coluna com no máximo 2 valores distintos; &apos;%2&apos; tem mais</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is %2 in the reference data but %3 in the current data</source>
        <translation>a coluna &apos;%1&apos; é %2 nos dados de referência, mas %3 nos dados atuais</translation>
    </message>
    <message>
        <source>the drift settings name column &apos;%1&apos;, which is not compared</source>
        <translation>as configurações de deriva citam a coluna &apos;%1&apos;, que não é comparada</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is missing from the current data</source>
        <translation>a coluna &apos;%1&apos; não está nos dados atuais</translation>
    </message>
</context>
<context>
    <name>oficina::core::monitor::RuleScanner</name>
    <message>
        <source>column %1: the number %2 is out of range</source>
        <translation>coluna %1: o número %2 está fora do intervalo</translation>
    </message>
</context>
<context>
    <name>oficina::core::nn</name>
    <message>
        <source>Kernel size</source>
        <translation>Tamanho do kernel</translation>
    </message>
    <message>
        <source>Width of the sliding window</source>
        <translation>Largura da janela deslizante</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>Passo</translation>
    </message>
    <message>
        <source>Step between windows; 0 means the kernel size</source>
        <translation>Distância entre janelas; 0 significa o tamanho do kernel</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>Preenchimento</translation>
    </message>
    <message>
        <source>Zeros added on each side of the input</source>
        <translation>Zeros acrescentados em cada lado da entrada</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canais</translation>
    </message>
    <message>
        <source>Number of filters, i.e. output channels</source>
        <translation>Número de filtros, isto é, de canais de saída</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Tamanho do estado</translation>
    </message>
    <message>
        <source>Size of the state carried from step to step</source>
        <translation>Tamanho do estado levado de um passo ao seguinte</translation>
    </message>
    <message>
        <source>Stacked layers</source>
        <translation>Camadas empilhadas</translation>
    </message>
    <message>
        <source>Recurrent layers on top of each other</source>
        <translation>Camadas recorrentes umas sobre as outras</translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation>Bidirecional</translation>
    </message>
    <message>
        <source>Also read the sequence backwards; doubles the output size</source>
        <translation>Ler a sequência também de trás para a frente; dobra o tamanho da saída</translation>
    </message>
    <message>
        <source>Output every step</source>
        <translation>Saída a cada passo</translation>
    </message>
    <message>
        <source>Pass the whole sequence on (for another recurrent or convolutional layer) instead of only the last step</source>
        <translation>Passar adiante a sequência inteira (para outra camada recorrente ou convolucional) em vez de só o último passo</translation>
    </message>
    <message>
        <source>Downsamples by keeping the largest value of each window</source>
        <translation>Reduz a resolução mantendo o maior valor de cada janela</translation>
    </message>
    <message>
        <source>Downsamples by averaging each window</source>
        <translation>Reduz a resolução tirando a média de cada janela</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>Densa</translation>
    </message>
    <message>
        <source>Fully connected layer: every output is a weighted sum of all inputs</source>
        <translation>Camada totalmente conectada: cada saída é uma soma ponderada de todas as entradas</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Number of outputs</source>
        <translation>Número de saídas</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Activation max(0, x); the usual choice between layers</source>
        <translation>Ativação max(0, x); a escolha usual entre camadas</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Smooth ReLU-like activation used by transformers</source>
        <translation>Ativação suave parecida com a ReLU, usada por transformers</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Activation squashing values into (-1, 1)</source>
        <translation>Ativação que comprime os valores em (-1, 1)</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoide</translation>
    </message>
    <message>
        <source>Activation squashing values into (0, 1)</source>
        <translation>Ativação que comprime os valores em (0, 1)</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Zeroes random inputs while training, against overfitting</source>
        <translation>Zera entradas aleatórias durante o treinamento, contra o sobreajuste</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taxa</translation>
    </message>
    <message>
        <source>Fraction of inputs zeroed at each training step</source>
        <translation>Fração das entradas zeradas a cada passo de treinamento</translation>
    </message>
    <message>
        <source>Batch normalisation</source>
        <translation>Normalização em lote</translation>
    </message>
    <message>
        <source>Normalises each feature or channel over the batch; speeds up training of deep networks</source>
        <translation>Normaliza cada atributo ou canal ao longo do lote; acelera o treinamento de redes profundas</translation>
    </message>
    <message>
        <source>Convolution 1-D</source>
        <translation>Convolução 1-D</translation>
    </message>
    <message>
        <source>Slides filters along a sequence (channels × length)</source>
        <translation>Desliza filtros ao longo de uma sequência (canais × comprimento)</translation>
    </message>
    <message>
        <source>Convolution 2-D</source>
        <translation>Convolução 2-D</translation>
    </message>
    <message>
        <source>Slides filters over an image (channels × height × width)</source>
        <translation>Desliza filtros sobre uma imagem (canais × altura × largura)</translation>
    </message>
    <message>
        <source>Max pooling 1-D</source>
        <translation>Pooling máximo 1-D</translation>
    </message>
    <message>
        <source>Max pooling 2-D</source>
        <translation>Pooling máximo 2-D</translation>
    </message>
    <message>
        <source>Average pooling 1-D</source>
        <translation>Pooling médio 1-D</translation>
    </message>
    <message>
        <source>Average pooling 2-D</source>
        <translation>Pooling médio 2-D</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>Flatten</translation>
    </message>
    <message>
        <source>Turns channels × height × width (or time × features) into one row of features for Dense layers</source>
        <translation>Transforma canais × altura × largura (ou tempo × atributos) em uma linha de atributos para camadas densas</translation>
    </message>
    <message>
        <source>Simple RNN</source>
        <translation>RNN simples</translation>
    </message>
    <message>
        <source>Recurrent layer with a tanh state; reads time × features</source>
        <translation>Camada recorrente com estado tanh; lê tempo × atributos</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>Gated recurrent layer; reads time × features</source>
        <translation>Camada recorrente com portões; lê tempo × atributos</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>Long short-term memory layer; reads time × features and remembers over long spans</source>
        <translation>Camada de memória de longo e curto prazo; lê tempo × atributos e lembra por longos intervalos</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <source>Maps each integer token code (0 … vocabulary−1) to a learned vector</source>
        <translation>Associa cada código inteiro de token (0 … vocabulário−1) a um vetor aprendido</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vocabulário</translation>
    </message>
    <message>
        <source>Number of distinct token codes</source>
        <translation>Número de códigos de token distintos</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Length of the vector learned for each token</source>
        <translation>Comprimento do vetor aprendido para cada token</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 must be %3, not &apos;%4&apos;</source>
        <translation>&apos;%1&apos;: %2 deve ser %3, não &apos;%4&apos;</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>um número inteiro</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 must be between %3 and %4, not %5</source>
        <translation>&apos;%1&apos;: %2 deve estar entre %3 e %4, não %5</translation>
    </message>
    <message>
        <source>unknown layer setting &apos;%1&apos;</source>
        <translation>configuração de camada desconhecida: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a layer; known layers: %2</source>
        <translation>&apos;%1&apos; não é uma camada; camadas conhecidas: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: missing &apos;)&apos;</source>
        <translation>&apos;%1&apos;: falta &apos;)&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 has no setting &apos;%3&apos;; its settings: %4</source>
        <translation>&apos;%1&apos;: %2 não tem a configuração &apos;%3&apos;; suas configurações: %4</translation>
    </message>
    <message>
        <source>input shape &apos;%1&apos; is not valid: give 1 to 3 positive sizes such as 1x8x8 (channels × height × width) or 12x1 (time × features)</source>
        <translation>a forma de entrada &apos;%1&apos; não é válida: dê de 1 a 3 tamanhos positivos, como 1x8x8 (canais × altura × largura) ou 12x1 (tempo × atributos)</translation>
    </message>
    <message>
        <source>layer %1 %2 expects %3, gets %4; %5</source>
        <translation>a camada %1 %2 espera %3, mas recebe %4; %5</translation>
    </message>
    <message>
        <source>layer %1 %2 has a window of %3 but its input is only %4: use a smaller kernel, padding, or fewer pooling layers before it</source>
        <translation>a camada %1 %2 tem uma janela de %3, mas sua entrada é só %4: use um kernel menor, preenchimento ou menos camadas de pooling antes dela</translation>
    </message>
    <message>
        <source>layer %1 %2: padding may be at most half the kernel size</source>
        <translation>camada %1 %2: o preenchimento pode ser no máximo metade do tamanho do kernel</translation>
    </message>
    <message>
        <source>a row of features</source>
        <translation>uma linha de atributos</translation>
    </message>
    <message>
        <source>add a Flatten layer before it</source>
        <translation>adicione uma camada Flatten antes dela</translation>
    </message>
    <message>
        <source>channels × length</source>
        <translation>canais × comprimento</translation>
    </message>
    <message>
        <source>set the node&apos;s input shape, e.g. 1x&lt;length&gt;</source>
        <translation>defina a forma de entrada do nó, por exemplo 1x&lt;comprimento&gt;</translation>
    </message>
    <message>
        <source>channels × height × width</source>
        <translation>canais × altura × largura</translation>
    </message>
    <message>
        <source>set the node&apos;s input shape, e.g. 1x8x8</source>
        <translation>defina a forma de entrada do nó, por exemplo 1x8x8</translation>
    </message>
    <message>
        <source>time × features</source>
        <translation>tempo × atributos</translation>
    </message>
    <message>
        <source>set the node&apos;s input shape, e.g. 12x1 for 12 past values</source>
        <translation>defina a forma de entrada do nó, por exemplo 12x1 para 12 valores passados</translation>
    </message>
    <message>
        <source>a row of token codes</source>
        <translation>uma linha de códigos de token</translation>
    </message>
    <message>
        <source>put it first, on integer-coded columns</source>
        <translation>coloque-a primeiro, sobre colunas codificadas como inteiros</translation>
    </message>
    <message>
        <source>layer %1 %2 cannot normalise %3</source>
        <translation>a camada %1 %2 não consegue normalizar %3</translation>
    </message>
    <message>
        <source>neural networks need the oficina-nn package, whose library could not be loaded: %1</source>
        <translation>redes neurais precisam do pacote oficina-nn, cuja biblioteca não pôde ser carregada: %1</translation>
    </message>
    <message>
        <source>%1 is not an Oficina network module</source>
        <translation>%1 não é um módulo de redes do Oficina</translation>
    </message>
    <message>
        <source>the network module is version %1 but Oficina is %2: install the oficina-nn package of the same version</source>
        <translation>o módulo de redes é da versão %1, mas o Oficina é da %2: instale o pacote oficina-nn da mesma versão</translation>
    </message>
</context>
<context>
    <name>oficina::core::nn::text</name>
    <message>
        <source>Neural network</source>
        <translation>Rede neural</translation>
    </message>
    <message>
        <source>cannot load the backbone: %1 (expected a TorchScript file saved with torch.jit.save)</source>
        <translation>não foi possível carregar a rede base: %1 (esperava-se um arquivo TorchScript salvo com torch.jit.save)</translation>
    </message>
    <message>
        <source>the backbone does not accept input of shape %1: %2</source>
        <translation>a rede base não aceita entrada de forma %1: %2</translation>
    </message>
    <message>
        <source>the input shape %1 holds %2 values, but the data has %3 feature columns</source>
        <translation>a forma de entrada %1 contém %2 valores, mas os dados têm %3 colunas de atributos</translation>
    </message>
    <message>
        <source>the last layer outputs %1; add a Flatten layer so the output layer gets a row of features</source>
        <translation>a última camada produz %1; adicione uma camada Flatten para que a camada de saída receba uma linha de atributos</translation>
    </message>
    <message>
        <source>layer %1 Embedding needs whole token codes from 0 to %2</source>
        <translation>a camada %1 Embedding precisa de códigos de token inteiros de 0 a %2</translation>
    </message>
    <message>
        <source>Nesterov momentum needs a momentum above 0</source>
        <translation>o momento de Nesterov precisa de um momento acima de 0</translation>
    </message>
    <message>
        <source>the validation data has class &apos;%1&apos; in column &apos;%2&apos;, which the training data lacks</source>
        <translation>os dados de validação têm a classe &apos;%1&apos; na coluna &apos;%2&apos;, que os dados de treinamento não têm</translation>
    </message>
    <message>
        <source>training diverged: the loss became %1 in epoch %2, batch %3; lower the learning rate (now %4) or standardise the inputs</source>
        <translation>o treinamento divergiu: a perda virou %1 na época %2, lote %3; diminua a taxa de aprendizado (agora %4) ou padronize as entradas</translation>
    </message>
    <message>
        <source>the data has no feature columns</source>
        <translation>os dados não têm colunas de atributos</translation>
    </message>
    <message>
        <source>no rows are left to train on after holding out the validation rows</source>
        <translation>não sobram linhas para treinar depois de separar as linhas de validação</translation>
    </message>
    <message>
        <source>stopped in epoch %1 of %2; the model keeps the weights of epoch %3</source>
        <translation>parado na época %1 de %2; o modelo fica com os pesos da época %3</translation>
    </message>
    <message>
        <source>a network with a TorchScript backbone has no layer list to export</source>
        <translation>uma rede com uma rede base TorchScript não tem lista de camadas para exportar</translation>
    </message>
    <message>
        <source>the network&apos;s weights lack the tensor %1</source>
        <translation>falta o tensor %1 nos pesos da rede</translation>
    </message>
    <message>
        <source>the tensor %1 has shape %2, but the network&apos;s layers need %3</source>
        <translation>o tensor %1 tem forma %2, mas as camadas da rede precisam de %3</translation>
    </message>
    <message>
        <source>the tensor %1 is not a weight of the network its layers describe</source>
        <translation>o tensor %1 não é um peso da rede que as camadas descrevem</translation>
    </message>
    <message>
        <source>cannot build the network its layers describe: %1</source>
        <translation>não é possível construir a rede que as camadas descrevem: %1</translation>
    </message>
</context>
<context>
    <name>oficina::core::onnxexport</name>
    <message>
        <source>&apos;%1&apos; (%2) cannot be exported to ONNX yet</source>
        <translation>&apos;%1&apos; (%2) ainda não pode ser exportado para ONNX</translation>
    </message>
    <message>
        <source>DBSCAN cannot be exported to ONNX: it labels only the rows it was fitted on and has no rule for new rows</source>
        <translation>o DBSCAN não pode ser exportado para ONNX: ele rotula só as linhas em que foi ajustado e não tem regra para linhas novas</translation>
    </message>
    <message>
        <source>agglomerative clustering cannot be exported to ONNX: it merges the rows it was fitted on and has no rule for new rows</source>
        <translation>o agrupamento aglomerativo não pode ser exportado para ONNX: ele junta as linhas em que foi ajustado e não tem regra para linhas novas</translation>
    </message>
    <message>
        <source>t-SNE cannot be exported to ONNX: it places only the rows it was fitted on and has no mapping for new rows</source>
        <translation>o t-SNE não pode ser exportado para ONNX: ele posiciona só as linhas em que foi ajustado e não tem mapeamento para linhas novas</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: column &apos;%2&apos; has an empty category, which the graph could not tell from a missing cell</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: a coluna &apos;%2&apos; tem uma categoria vazia, que o grafo não distinguiria de uma célula ausente</translation>
    </message>
    <message>
        <source>a network with a TorchScript backbone cannot be exported to ONNX: the backbone is a compiled program, not a list of layers Oficina can write out</source>
        <translation>uma rede com uma rede base TorchScript não pode ser exportada para ONNX: a rede base é um programa compilado, não uma lista de camadas que o Oficina saiba escrever</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: its trees hold %2 values per leaf for %3 classes</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: suas árvores guardam %2 valores por folha para %3 classes</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: it has no trees</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: ele não tem árvores</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: XGBoost&apos;s model has no valid &apos;%2&apos;</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: o modelo do XGBoost não tem um &apos;%2&apos; válido</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: its XGBoost objective &apos;%2&apos; for %3 classes has no ONNX form in Oficina</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: seu objetivo do XGBoost &apos;%2&apos; para %3 classes não tem forma ONNX no Oficina</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: only XGBoost&apos;s gbtree booster has an ONNX form in Oficina</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: só o booster gbtree do XGBoost tem forma ONNX no Oficina</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: tree %2 has categorical splits</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: a árvore %2 tem divisões categóricas</translation>
    </message>
</context>
<context>
    <name>oficina::core::onnxexport::LeafEnsemble</name>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: node %2 of tree %3 refers to a node or feature that does not exist, or is reached twice</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: o nó %2 da árvore %3 se refere a um nó ou atributo que não existe, ou é alcançado duas vezes</translation>
    </message>
</context>
<context>
    <name>oficina::core::onnxexport::LeafEnsemble::NodeAt</name>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX: tree %2 has more than %3 leaves, more than the graph can number exactly</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX: a árvore %2 tem mais de %3 folhas, mais do que o grafo consegue numerar com exatidão</translation>
    </message>
</context>
<context>
    <name>oficina::core::onnxexport::SymTable</name>
    <message>
        <source>cannot export &apos;%1&apos; to ONNX: it needs column &apos;%2&apos;, which the table does not have at that step</source>
        <translation>não é possível exportar &apos;%1&apos; para ONNX: ele precisa da coluna &apos;%2&apos;, que a tabela não tem nessa etapa</translation>
    </message>
    <message>
        <source>cannot export &apos;%1&apos; to ONNX: it needs column &apos;%2&apos; to be numeric, but it is categorical there</source>
        <translation>não é possível exportar &apos;%1&apos; para ONNX: ele precisa que a coluna &apos;%2&apos; seja numérica, mas ela é categórica ali</translation>
    </message>
    <message>
        <source>cannot export &apos;%1&apos; to ONNX: column &apos;%2&apos; was %3 when the step was fitted but is not at that step</source>
        <translation>não é possível exportar &apos;%1&apos; para ONNX: a coluna &apos;%2&apos; era %3 quando a etapa foi ajustada, mas não é nessa etapa</translation>
    </message>
</context>
<context>
    <name>oficina::core::serve</name>
    <message>
        <source>input &quot;%1&quot;: the datatype %2 is not supported (send FP64 for numbers, BYTES for categories)</source>
        <translation>entrada &quot;%1&quot;: o datatype %2 não é suportado (envie FP64 para números e BYTES para categorias)</translation>
    </message>
    <message>
        <source>input &quot;%1&quot; is numeric: send it as FP64 (or FP32, INT64, INT32), not %2</source>
        <translation>a entrada &quot;%1&quot; é numérica: envie-a como FP64 (ou FP32, INT64, INT32), não como %2</translation>
    </message>
    <message>
        <source>input &quot;%1&quot;, row %2: %3 is not a number (a missing one is &quot;NaN&quot;)</source>
        <translation>entrada &quot;%1&quot;, linha %2: %3 não é um número (um número ausente é &quot;NaN&quot;)</translation>
    </message>
    <message>
        <source>input &quot;%1&quot;, row %2: null is not a value; send &quot;NaN&quot; for a missing number</source>
        <translation>entrada &quot;%1&quot;, linha %2: null não é um valor; envie &quot;NaN&quot; para um número ausente</translation>
    </message>
    <message>
        <source>input &quot;%1&quot;, row %2: null is not a value; send &quot;&quot; for a missing category</source>
        <translation>entrada &quot;%1&quot;, linha %2: null não é um valor; envie &quot;&quot; para uma categoria ausente</translation>
    </message>
    <message>
        <source>input &quot;%1&quot;, row %2: %3 is not a number</source>
        <translation>entrada &quot;%1&quot;, linha %2: %3 não é um número</translation>
    </message>
    <message>
        <source>input &quot;%1&quot;, row %2: %3 is not a string</source>
        <translation>entrada &quot;%1&quot;, linha %2: %3 não é uma string</translation>
    </message>
    <message>
        <source>column &quot;%1&quot;, row %2: a cell must be a number, a string or null, not %3</source>
        <translation>coluna &quot;%1&quot;, linha %2: uma célula deve ser um número, uma string ou null, não %3</translation>
    </message>
    <message>
        <source>%1 rows in one request: this server takes at most %2 (--max-rows)</source>
        <translation>%1 linhas numa só requisição: este servidor aceita no máximo %2 (--max-rows)</translation>
    </message>
    <message>
        <source>record %1 is not an object ({&quot;column&quot;: value, …})</source>
        <translation>o registro %1 não é um objeto ({&quot;column&quot;: value, …})</translation>
    </message>
    <message>
        <source>record %1 names the column &quot;%2&quot; twice</source>
        <translation>o registro %1 cita a coluna &quot;%2&quot; duas vezes</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; has %2 values, the others %3</source>
        <translation>a coluna &quot;%1&quot; tem %2 valores; as outras, %3</translation>
    </message>
    <message>
        <source>dataframe_split must be an object with &quot;columns&quot; (names) and &quot;data&quot; (rows)</source>
        <translation>dataframe_split deve ser um objeto com &quot;columns&quot; (nomes) e &quot;data&quot; (linhas)</translation>
    </message>
    <message>
        <source>dataframe_split: a column name must be a string, not %1</source>
        <translation>dataframe_split: um nome de coluna deve ser uma string, não %1</translation>
    </message>
    <message>
        <source>dataframe_split: row %1 must be a list of %2 values</source>
        <translation>dataframe_split: a linha %1 deve ser uma lista de %2 valores</translation>
    </message>
    <message>
        <source>the request must be a JSON object with &quot;inputs&quot;: a list of tensors {&quot;name&quot;, &quot;shape&quot;, &quot;datatype&quot;, &quot;data&quot;}</source>
        <translation>a requisição deve ser um objeto JSON com &quot;inputs&quot;: uma lista de tensores {&quot;name&quot;, &quot;shape&quot;, &quot;datatype&quot;, &quot;data&quot;}</translation>
    </message>
    <message>
        <source>&quot;outputs&quot; must be a list of {&quot;name&quot;}</source>
        <translation>&quot;outputs&quot; deve ser uma lista de {&quot;name&quot;}</translation>
    </message>
    <message>
        <source>unknown output &quot;%1&quot;: the model gives %2</source>
        <translation>saída desconhecida &quot;%1&quot;: o modelo fornece %2</translation>
    </message>
    <message>
        <source>inputs[%1] must be an object with a &quot;name&quot;</source>
        <translation>inputs[%1] deve ser um objeto com um &quot;name&quot;</translation>
    </message>
    <message>
        <source>unknown input &quot;%1&quot;: the model reads %2</source>
        <translation>entrada desconhecida &quot;%1&quot;: o modelo lê %2</translation>
    </message>
    <message>
        <source>input &quot;%1&quot; is given twice</source>
        <translation>a entrada &quot;%1&quot; foi informada duas vezes</translation>
    </message>
    <message>
        <source>input &quot;%1&quot; needs &quot;datatype&quot; (a string), &quot;shape&quot; and &quot;data&quot; (lists)</source>
        <translation>a entrada &quot;%1&quot; precisa de &quot;datatype&quot; (uma string), &quot;shape&quot; e &quot;data&quot; (listas)</translation>
    </message>
    <message>
        <source>input &quot;%1&quot; has the shape %2: give [N], one value per row</source>
        <translation>a entrada &quot;%1&quot; tem a forma %2: informe [N], um valor por linha</translation>
    </message>
    <message>
        <source>input &quot;%1&quot; has the shape [%2] but %3 values</source>
        <translation>a entrada &quot;%1&quot; tem a forma [%2], mas %3 valores</translation>
    </message>
    <message>
        <source>input &quot;%1&quot; has %2 rows but &quot;%3&quot; has %4: every input needs one value per row</source>
        <translation>a entrada &quot;%1&quot; tem %2 linhas, mas &quot;%3&quot; tem %4: toda entrada precisa de um valor por linha</translation>
    </message>
    <message>
        <source>input &quot;%1&quot; is missing: the model reads it (%2, shape [N])</source>
        <translation>falta a entrada &quot;%1&quot;: o modelo a lê (%2, forma [N])</translation>
    </message>
    <message>
        <source>the request must be a JSON object with one of dataframe_split, dataframe_records, instances or inputs (and optionally params)</source>
        <translation>a requisição deve ser um objeto JSON com um entre dataframe_split, dataframe_records, instances ou inputs (e, opcionalmente, params)</translation>
    </message>
    <message>
        <source>%1 must be a list of records ({&quot;column&quot;: value}) or an object of columns ({&quot;column&quot;: [values]})</source>
        <translation>%1 deve ser uma lista de registros ({&quot;column&quot;: value}) ou um objeto de colunas ({&quot;column&quot;: [values]})</translation>
    </message>
    <message>
        <source>cannot hold the CSV body in memory</source>
        <translation>não é possível manter o corpo CSV na memória</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a model: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most 128), starting with a letter or digit</source>
        <translation>&quot;%1&quot; não pode ser nome de modelo: use letras, dígitos, &apos;_&apos;, &apos;.&apos; e &apos;-&apos; (no máximo 128), começando com uma letra ou um dígito</translation>
    </message>
</context>
<context>
    <name>oficina::core::serve::HttpServer</name>
    <message>
        <source>cannot listen on %1:%2 (%3)</source>
        <translation>não é possível escutar em %1:%2 (%3)</translation>
    </message>
    <message>
        <source>the listening socket on %1:%2 failed</source>
        <translation>o socket de escuta em %1:%2 falhou</translation>
    </message>
</context>
<context>
    <name>oficina::core::serve::HttpServer::Impl</name>
    <message>
        <source>the request body is larger than %1 bytes (--max-body-bytes)</source>
        <translation>o corpo da requisição passa de %1 bytes (--max-body-bytes)</translation>
    </message>
    <message>
        <source>the request URI is longer than %1 bytes</source>
        <translation>a URI da requisição passa de %1 bytes</translation>
    </message>
    <message>
        <source>malformed HTTP request: request line, headers (at most %1 bytes each) or body</source>
        <translation>requisição HTTP malformada: linha de requisição, cabeçalhos (no máximo %1 bytes cada) ou corpo</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>status HTTP %1</translation>
    </message>
    <message>
        <source>a bearer token is required: send &quot;Authorization: Bearer TOKEN&quot;</source>
        <translation>é necessário um token bearer: envie &quot;Authorization: Bearer TOKEN&quot;</translation>
    </message>
    <message>
        <source>malformed HTTP request: the Content-Length is not a number</source>
        <translation>requisição HTTP malformada: o Content-Length não é um número</translation>
    </message>
    <message>
        <source>compressed request bodies (%1) are not taken</source>
        <translation>corpos de requisição comprimidos (%1) não são aceitos</translation>
    </message>
    <message>
        <source>form bodies are not taken: send Content-Type: application/json (curl -H &apos;Content-Type: application/json&apos;)</source>
        <translation>corpos de formulário não são aceitos: envie Content-Type: application/json (curl -H &apos;Content-Type: application/json&apos;)</translation>
    </message>
    <message>
        <source>the server is busy: all %1 threads are answering and %2 connections wait; retry shortly</source>
        <translation>o servidor está ocupado: todas as %1 threads estão respondendo e %2 conexões aguardam; tente de novo em instantes</translation>
    </message>
</context>
<context>
    <name>oficina::core::serve::ModelRepository</name>
    <message>
        <source>two models are named &quot;%1&quot;: give each its own name</source>
        <translation>dois modelos se chamam &quot;%1&quot;: dê a cada um seu próprio nome</translation>
    </message>
    <message>
        <source>unknown model: give the package&apos;s path to load a new one</source>
        <translation>modelo desconhecido: informe o caminho do pacote para carregar um novo</translation>
    </message>
    <message>
        <source>the model was given in memory, not read from a file: give the package&apos;s path to reload it</source>
        <translation>o modelo foi fornecido em memória, não lido de um arquivo: informe o caminho do pacote para recarregá-lo</translation>
    </message>
</context>
<context>
    <name>oficina::core::serve::Routes</name>
    <message>
        <source>no route %1: see GET /v2 and docs/serving.md</source>
        <translation>não há rota %1: veja GET /v2 e docs/serving.md</translation>
    </message>
    <message>
        <source>%1 takes %2, not %3</source>
        <translation>%1 aceita %2, não %3</translation>
    </message>
    <message>
        <source>the model &quot;%1&quot; is not loaded: POST /v2/repository/models/%1/load loads it</source>
        <translation>o modelo &quot;%1&quot; não está carregado: POST /v2/repository/models/%1/load o carrega</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;</source>
        <translation>modelo desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the model &quot;%1&quot; has no version &quot;%2&quot;: it serves version %3</source>
        <translation>o modelo &quot;%1&quot; não tem a versão &quot;%2&quot;: ele serve a versão %3</translation>
    </message>
    <message>
        <source>an inference request is JSON: send Content-Type: application/json, not %1</source>
        <translation>uma requisição de inferência é JSON: envie Content-Type: application/json, não %1</translation>
    </message>
    <message>
        <source>no model is served</source>
        <translation>nenhum modelo está sendo servido</translation>
    </message>
    <message>
        <source>the model &quot;%1&quot; is not loaded</source>
        <translation>o modelo &quot;%1&quot; não está carregado</translation>
    </message>
    <message>
        <source>/invocations takes application/json or text/csv, not &quot;%1&quot;</source>
        <translation>/invocations aceita application/json ou text/csv, não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the request body must be a JSON object</source>
        <translation>o corpo da requisição deve ser um objeto JSON</translation>
    </message>
    <message>
        <source>parameters.path must be a string: the package to load</source>
        <translation>parameters.path deve ser uma string: o pacote a carregar</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;: give {&quot;parameters&quot;: {&quot;path&quot;: …}} to load a new one</source>
        <translation>modelo desconhecido &quot;%1&quot;: informe {&quot;parameters&quot;: {&quot;path&quot;: …}} para carregar um novo</translation>
    </message>
</context>
<context>
    <name>oficina::core::track</name>
    <message>
        <source>cannot write the file: %1</source>
        <translation>não é possível gravar o arquivo: %1</translation>
    </message>
    <message>
        <source>cannot create the folder: %1</source>
        <translation>não é possível criar a pasta: %1</translation>
    </message>
    <message>
        <source>cannot replace the earlier export: %1</source>
        <translation>não é possível substituir a exportação anterior: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a model: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most 128), starting with a letter or digit</source>
        <translation>&quot;%1&quot; não pode ser nome de modelo: use letras, dígitos, &apos;_&apos;, &apos;.&apos; e &apos;-&apos; (no máximo 128), começando com uma letra ou um dígito</translation>
    </message>
</context>
<context>
    <name>oficina::core::track::LiveMlflowRun</name>
    <message>
        <source>the MLflow logging stopped: %1</source>
        <translation>o registro no MLflow parou: %1</translation>
    </message>
</context>
<context>
    <name>oficina::core::track::MlflowClient</name>
    <message>
        <source>&quot;%1&quot; is not the address of an MLflow tracking server: give http://HOST:PORT, optionally followed by a path</source>
        <translation>&quot;%1&quot; não é o endereço de um servidor de rastreamento do MLflow: informe http://HOST:PORT, seguido opcionalmente de um caminho</translation>
    </message>
    <message>
        <source>cannot reach the MLflow tracking server (%1)</source>
        <translation>não foi possível contactar o servidor de rastreamento do MLflow (%1)</translation>
    </message>
    <message>
        <source>the MLflow experiment &quot;%1&quot; is deleted on the server: restore it, or delete it for good (mlflow gc), and try again</source>
        <translation>o experimento &quot;%1&quot; do MLflow está excluído no servidor: restaure-o, ou exclua-o de vez (mlflow gc), e tente de novo</translation>
    </message>
</context>
<context>
    <name>oficina::core::track::MlflowClient::Answer</name>
    <message>
        <source>the MLflow tracking server&apos;s answer is not the JSON object expected: %1</source>
        <translation>a resposta do servidor de rastreamento do MLflow não é o objeto JSON esperado: %1</translation>
    </message>
    <message>
        <source>the MLflow tracking server answered HTTP %1: %2</source>
        <translation>o servidor de rastreamento do MLflow respondeu HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>oficina::core::track::RunStore</name>
    <message>
        <source>run #%1 kept no model package: save the model in the run (a Save model node, or --save-model) to register it</source>
        <translation>a execução #%1 não guardou nenhum pacote de modelo: salve o modelo na execução (um nó Salvar modelo, ou --save-model) para registrá-lo</translation>
    </message>
    <message>
        <source>run #%1 kept no model package from node &apos;%2&apos;</source>
        <translation>a execução #%1 não guardou nenhum pacote de modelo do nó &apos;%2&apos;</translation>
    </message>
    <message>
        <source>run #%1 kept several model packages: say which node&apos;s model to register</source>
        <translation>a execução #%1 guardou vários pacotes de modelo: diga de qual nó é o modelo a registrar</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a model version is a number, as in models:/churn/2</source>
        <translation>&quot;%1&quot;: uma versão de modelo é um número, como em models:/churn/2</translation>
    </message>
    <message>
        <source>no registered model &quot;%1&quot; in the store (`oficina-cli models list` shows them)</source>
        <translation>não há nenhum modelo registrado &quot;%1&quot; no repositório de execuções (`oficina-cli models list` mostra os modelos)</translation>
    </message>
    <message>
        <source>model &quot;%1&quot; has no alias &quot;%2&quot;</source>
        <translation>o modelo &quot;%1&quot; não tem o apelido &quot;%2&quot;</translation>
    </message>
    <message>
        <source>model &quot;%1&quot; has no version %2</source>
        <translation>o modelo &quot;%1&quot; não tem a versão %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be an alias: use letters, digits, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit</source>
        <translation>&quot;%1&quot; não pode ser um apelido: use letras, dígitos, &apos;_&apos; e &apos;-&apos;, começando com uma letra ou um dígito</translation>
    </message>
    <message>
        <source>no registered model &quot;%1&quot; in the store</source>
        <translation>não há nenhum modelo registrado &quot;%1&quot; no repositório de execuções</translation>
    </message>
    <message>
        <source>run #%1 made model &quot;%2&quot; version %3: it stays while that version is registered</source>
        <translation>a execução #%1 gerou a versão %3 do modelo &quot;%2&quot;: ela fica enquanto essa versão estiver registrada</translation>
    </message>
    <message>
        <source>cannot create the run store&apos;s folder: %1</source>
        <translation>não é possível criar a pasta do repositório de execuções: %1</translation>
    </message>
    <message>
        <source>not a run store: an SQLite database of some other program</source>
        <translation>não é um repositório de execuções: é um banco de dados SQLite de outro programa</translation>
    </message>
    <message>
        <source>the run store was made by a newer Oficina (schema %1; this one reads up to %2)</source>
        <translation>o repositório de execuções foi feito por uma versão mais nova do Oficina (esquema %1; esta versão lê até o %2)</translation>
    </message>
    <message>
        <source>cannot lock the run: %1</source>
        <translation>não é possível bloquear a execução: %1</translation>
    </message>
    <message>
        <source>cannot read the file to keep with the run</source>
        <translation>não é possível ler o arquivo a guardar com a execução</translation>
    </message>
    <message>
        <source>no run &quot;%1&quot; in the store (give a run&apos;s number, its id, or at least 6 digits of it: `oficina-cli runs list` shows them)</source>
        <translation>não há nenhuma execução &quot;%1&quot; no repositório de execuções (informe o número de uma execução, seu id ou pelo menos 6 dígitos dele: `oficina-cli runs list` mostra as execuções)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the start of several runs&apos; ids: give more digits</source>
        <translation>&quot;%1&quot; é o início dos ids de várias execuções: informe mais dígitos</translation>
    </message>
</context>
<context>
    <name>oficina::core::track::RunStore::State</name>
    <message>
        <source>the run store has no run %1</source>
        <translation>o repositório de execuções não tem a execução %1</translation>
    </message>
</context>
<context>
    <name>oficina::core::track::SqliteDatabase</name>
    <message>
        <source>cannot open the run store: %1</source>
        <translation>não é possível abrir o repositório de execuções: %1</translation>
    </message>
    <message>
        <source>not a run store, or a damaged one: %1</source>
        <translation>não é um repositório de execuções, ou está danificado: %1</translation>
    </message>
    <message>
        <source>the run store failed: %1</source>
        <translation>o repositório de execuções falhou: %1</translation>
    </message>
</context>
<context>
    <name>oficina::ui</name>
    <message>
        <source>unexpected error: %1</source>
        <translation>erro inesperado: %1</translation>
    </message>
</context>
<context>
    <name>oficina::ui::AboutDialog</name>
    <message>
        <source>Windows, dialogs, icons and translations</source>
        <translation>Janelas, diálogos, ícones e traduções</translation>
    </message>
    <message>
        <source>Charts of losses, metrics and data</source>
        <translation>Gráficos de perdas, métricas e dados</translation>
    </message>
    <message>
        <source>Matrices and linear algebra</source>
        <translation>Matrizes e álgebra linear</translation>
    </message>
    <message>
        <source>L-BFGS optimiser for logistic regression</source>
        <translation>Otimizador L-BFGS da regressão logística</translation>
    </message>
    <message>
        <source>Truncated eigendecomposition for PCA on wide data</source>
        <translation>Decomposição em autovalores truncada para PCA em dados com muitas colunas</translation>
    </message>
    <message>
        <source>Kernel support vector machines</source>
        <translation>Máquinas de vetores de suporte com kernel</translation>
    </message>
    <message>
        <source>Linear support vector machines and L1 logistic regression</source>
        <translation>Máquinas de vetores de suporte lineares e regressão logística L1</translation>
    </message>
    <message>
        <source>Gradient-boosted trees</source>
        <translation>Árvores com gradient boosting</translation>
    </message>
    <message>
        <source>Nearest-neighbour search (k-NN, DBSCAN)</source>
        <translation>Busca de vizinhos mais próximos (k-NN, DBSCAN)</translation>
    </message>
    <message>
        <source>Neural networks</source>
        <translation>Redes neurais</translation>
    </message>
    <message>
        <source>Model export in the ONNX format</source>
        <translation>Exportação de modelos no formato ONNX</translation>
    </message>
    <message>
        <source>Writing ONNX files</source>
        <translation>Gravação de arquivos ONNX</translation>
    </message>
    <message>
        <source>Fast matrix products for neural networks, k-NN and K-Means</source>
        <translation>Produtos de matrizes rápidos para redes neurais, k-NN e K-Means</translation>
    </message>
    <message>
        <source>Pipeline files and reports (JSON)</source>
        <translation>Arquivos de pipeline e relatórios (JSON)</translation>
    </message>
    <message>
        <source>Reading numbers from CSV files</source>
        <translation>Leitura de números em arquivos CSV</translation>
    </message>
    <message>
        <source>SHA-256 hashes that identify models, data and pipelines</source>
        <translation>Hashes SHA-256 que identificam modelos, dados e pipelines</translation>
    </message>
    <message>
        <source>Reading PNG and JPEG images</source>
        <translation>Leitura de imagens PNG e JPEG</translation>
    </message>
    <message>
        <source>Command-line options of oficina-cli</source>
        <translation>Opções de linha de comando do oficina-cli</translation>
    </message>
    <message>
        <source>About Oficina</source>
        <translation>Sobre o Oficina</translation>
    </message>
    <message>
        <source>A desktop machine-learning workbench: load data, clean it, train a model and evaluate it by wiring nodes on a canvas; the same pipelines run headless with oficina-cli.</source>
        <translation>Uma bancada de aprendizado de máquina para o desktop: carregue dados, limpe-os, treine um modelo e avalie-o ligando nós em uma tela; os mesmos pipelines rodam sem interface gráfica com o oficina-cli.</translation>
    </message>
    <message>
        <source>Oficina is free software: you may share and change it under the GNU General Public License, version 3 or later.</source>
        <translation>O Oficina é software livre: você pode compartilhá-lo e modificá-lo nos termos da Licença Pública Geral GNU, versão 3 ou posterior.</translation>
    </message>
    <message>
        <source>Sample datasets bundled with Oficina, with their sources and licences:</source>
        <translation>Conjuntos de dados de exemplo incluídos no Oficina, com suas fontes e licenças:</translation>
    </message>
    <message>
        <source>Oficina is built with these libraries (running on Qt %1):</source>
        <translation>O Oficina é feito com estas bibliotecas (em execução no Qt %1):</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licença</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Usada para</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Conjuntos de dados</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotecas</translation>
    </message>
    <message>
        <source>Model packages (.ofmodel)</source>
        <translation>Pacotes de modelo (.ofmodel)</translation>
    </message>
    <message>
        <source>The inference server (oficina-cli serve)</source>
        <translation type="vanished">O servidor de inferência (oficina-cli serve)</translation>
    </message>
    <message>
        <source>The inference server (oficina-cli serve) and logging to MLflow</source>
        <translation>O servidor de inferência (oficina-cli serve) e o registro no MLflow</translation>
    </message>
    <message>
        <source>The run store and the model registry</source>
        <translation>O repositório de execuções e o registro de modelos</translation>
    </message>
    <message>
        <source>Exporting runs and models to MLflow&apos;s file layout</source>
        <translation>Exportação de execuções e modelos na estrutura de arquivos do MLflow</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ChartView</name>
    <message>
        <source>Save image…</source>
        <translation>Salvar imagem…</translation>
    </message>
    <message>
        <source>Save this chart as PNG or SVG</source>
        <translation>Salvar este gráfico como PNG ou SVG</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>Salvar imagem</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>gráfico</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Imagem PNG (*.png);;Desenho SVG (*.svg)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Não foi possível gravar %1.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <source>Show the numbers behind this chart</source>
        <translation>Mostrar os números por trás deste gráfico</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ClustersVsClassesView</name>
    <message>
        <source>&lt;b&gt;Unsupervised:&lt;/b&gt; the algorithm never saw the labels; colours are the clusters it found</source>
        <translation>&lt;b&gt;Não supervisionado:&lt;/b&gt; o algoritmo nunca viu os rótulos; as cores são os grupos que ele encontrou</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>Classe verdadeira</translation>
    </message>
    <message>
        <source>Classifier&apos;s prediction</source>
        <translation>Previsão do classificador</translation>
    </message>
    <message>
        <source>Colour the right plot by the true class or by what the classifier predicted</source>
        <translation>Colorir o gráfico da direita pela classe verdadeira ou pelo que o classificador previu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adjusted Rand index: %1&lt;/b&gt; — how well the clusters match the classes (1 = the same groups, about 0 = no better than chance).</source>
        <translation>&lt;b&gt;Índice de Rand ajustado: %1&lt;/b&gt; — quanto os grupos coincidem com as classes (1 = os mesmos grupos, perto de 0 = não melhor que o acaso).</translation>
    </message>
    <message>
        <source>Normalized mutual information: %1.</source>
        <translation>Informação mútua normalizada: %1.</translation>
    </message>
    <message>
        <source>The classifier, which learned from the labels, predicts %1 % of the rows right.</source>
        <translation>O classificador, que aprendeu com os rótulos, acerta %1 % das linhas.</translation>
    </message>
    <message>
        <source>Rows of each cluster in each class:</source>
        <translation>Linhas de cada grupo em cada classe:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Supervised:&lt;/b&gt; colours are the classifier&apos;s predictions; it learned from the labels</source>
        <translation>&lt;b&gt;Supervisionado:&lt;/b&gt; as cores são as previsões do classificador; ele aprendeu com os rótulos</translation>
    </message>
    <message>
        <source>&lt;b&gt;Supervised:&lt;/b&gt; colours are the true classes, the labels a classifier learns from</source>
        <translation>&lt;b&gt;Supervisionado:&lt;/b&gt; as cores são as classes verdadeiras, os rótulos com que um classificador aprende</translation>
    </message>
    <message>
        <source>class</source>
        <translation>classe</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>ruído</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>grupo %1</translation>
    </message>
    <message>
        <source>Adjusted Rand index: the agreement of two groupings of the same rows, corrected for chance; it does not matter which cluster number goes with which class.</source>
        <translation>Índice de Rand ajustado: a concordância entre dois agrupamentos das mesmas linhas, corrigida pelo acaso; não importa qual número de grupo corresponde a qual classe.</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ColumnSummaryView</name>
    <message>
        <source>Click a column to see its summary.</source>
        <translation>Clique numa coluna para ver seu resumo.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>numérica</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>categórica</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Ausentes</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>Desvio-padrão</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorias</translation>
    </message>
    <message>
        <source>most frequent</source>
        <translation>mais frequente</translation>
    </message>
    <message>
        <source>top %1 of %2</source>
        <translation>%1 primeiras de %2</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ConfusionMatrixView</name>
    <message>
        <source>Predicted</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Verdadeiro</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matriz de confusão</translation>
    </message>
</context>
<context>
    <name>oficina::ui::DataPreview</name>
    <message>
        <source>No data</source>
        <translation>Sem dados</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 linhas × %2 colunas</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>oficina::ui::DecisionBoundaryView</name>
    <message>
        <source>Decision boundary</source>
        <translation>Fronteira de decisão</translation>
    </message>
    <message>
        <source>Computing the decision boundary…</source>
        <translation>Calculando a fronteira de decisão…</translation>
    </message>
    <message>
        <source>The decision boundary could not be computed.</source>
        <translation>Não foi possível calcular a fronteira de decisão.</translation>
    </message>
</context>
<context>
    <name>oficina::ui::DendrogramView</name>
    <message>
        <source>%1 leaves</source>
        <translation>%1 folhas</translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>Dendrograma</translation>
    </message>
    <message>
        <source>The merge tree is malformed.</source>
        <translation>A árvore de uniões está malformada.</translation>
    </message>
</context>
<context>
    <name>oficina::ui::Document</name>
    <message>
        <source>Add %1</source>
        <translation>Adicionar %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Excluir %1</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentário</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation>
            <numerusform>Excluir %n item</numerusform>
            <numerusform>Excluir %n itens</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n items</source>
        <translation>
            <numerusform>Mover %n item</numerusform>
            <numerusform>Mover %n itens</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Conectar %1 a %2</translation>
    </message>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>Desconectar %1 de %2</translation>
    </message>
    <message>
        <source>Set &apos;%1&apos; of %2</source>
        <translation>Definir &apos;%1&apos; de %2</translation>
    </message>
    <message>
        <source>Reset the name of %1</source>
        <translation>Restaurar o nome de %1</translation>
    </message>
    <message>
        <source>Rename %1 to &apos;%2&apos;</source>
        <translation>Renomear %1 para &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Paste %1</source>
        <translation>Colar %1</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n items</source>
        <translation>
            <numerusform>Colar %n item</numerusform>
            <numerusform>Colar %n itens</numerusform>
        </translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Adicionar comentário</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Editar comentário</translation>
    </message>
    <message>
        <source>Resize comment</source>
        <translation>Redimensionar comentário</translation>
    </message>
</context>
<context>
    <name>oficina::ui::FeatureImportanceChart</name>
    <message>
        <source>Feature importances</source>
        <translation>Importâncias dos atributos</translation>
    </message>
    <message>
        <source>importance</source>
        <translation>importância</translation>
    </message>
    <message>
        <source>The %1 most important of %2 features.</source>
        <translation>Os %1 mais importantes de %2 atributos.</translation>
    </message>
</context>
<context>
    <name>oficina::ui::HelpPanel</name>
    <message>
        <source>table</source>
        <translation>tabela</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>métricas</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Node help</source>
        <translation>Ajuda dos nós</translation>
    </message>
    <message>
        <source>Select a node on the canvas, or point at one in the palette, to read what it does, when to use it and what its parameters mean. Press F1 to bring this panel back.</source>
        <translation>Selecione um nó na área de trabalho, ou aponte para um na paleta, para ler o que ele faz, quando usá-lo e o que significam seus parâmetros. Pressione F1 para trazer este painel de volta.</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Conceitos</translation>
    </message>
    <message>
        <source>When to use it</source>
        <translation>Quando usar</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation>Entradas:</translation>
    </message>
    <message>
        <source>Outputs:</source>
        <translation>Saídas:</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parâmetros</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nós</translation>
    </message>
    <message>
        <source>← Back to %1</source>
        <translation>← Voltar a %1</translation>
    </message>
</context>
<context>
    <name>oficina::ui::KMeansStepView</name>
    <message>
        <source>K-Means, step by step</source>
        <translation>K-Means, passo a passo</translation>
    </message>
</context>
<context>
    <name>oficina::ui::LayersEditor</name>
    <message>
        <source>, stride %1</source>
        <translation>, passo %1</translation>
    </message>
    <message>
        <source>, pad %1</source>
        <translation>, borda %1</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 unidades</translation>
    </message>
    <message>
        <source>%1 ch, %2</source>
        <translation>%1 can., %2</translation>
    </message>
    <message>
        <source>rate %1</source>
        <translation>taxa %1</translation>
    </message>
    <message>
        <source>, %1 stacked</source>
        <translation>, %1 empilhadas</translation>
    </message>
    <message>
        <source>, both ways</source>
        <translation>, bidirecional</translation>
    </message>
    <message>
        <source>, every step</source>
        <translation>, todo passo</translation>
    </message>
    <message>
        <source>%1 codes → %2</source>
        <translation>%1 códigos → %2</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Camada</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Saída</translation>
    </message>
    <message>
        <source>Shape of one sample after the layer</source>
        <translation>Forma de uma amostra depois da camada</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Add a layer after the selected one</source>
        <translation>Adicionar uma camada depois da selecionada</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Remove the selected layer</source>
        <translation>Remover a camada selecionada</translation>
    </message>
    <message>
        <source>Move the selected layer up</source>
        <translation>Subir a camada selecionada</translation>
    </message>
    <message>
        <source>Move the selected layer down</source>
        <translation>Descer a camada selecionada</translation>
    </message>
    <message>
        <source>Choose a kind</source>
        <translation>Escolha um tipo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Add a %1 layer</source>
        <translation>Adicionar camada %1</translation>
    </message>
    <message>
        <source>Remove layer %1</source>
        <translation>Remover a camada %1</translation>
    </message>
    <message>
        <source>Move layer %1 up</source>
        <translation>Subir a camada %1</translation>
    </message>
    <message>
        <source>Move layer %1 down</source>
        <translation>Descer a camada %1</translation>
    </message>
    <message>
        <source>Make layer %1 a %2</source>
        <translation>Tornar a camada %1 do tipo %2</translation>
    </message>
    <message>
        <source>Set %1 of layer %2</source>
        <translation>Definir %1 da camada %2</translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation>Entrada: %1</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Camada %1</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
</context>
<context>
    <name>oficina::ui::LearningCurveChart</name>
    <message>
        <source>Learning curve</source>
        <translation>Curva de aprendizado</translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation>Linhas de treinamento</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontuação</translation>
    </message>
    <message>
        <source>± 1 standard deviation</source>
        <translation>± 1 desvio padrão</translation>
    </message>
    <message>
        <source>Training score</source>
        <translation>Pontuação no treinamento</translation>
    </message>
    <message>
        <source>Validation score</source>
        <translation>Pontuação na validação</translation>
    </message>
    <message>
        <source>Shaded: ± one standard deviation over the folds. A wide gap between the two lines means the model overfits (more data or a simpler model may help); two low lines mean it underfits.</source>
        <translation>Sombreado: ± um desvio padrão sobre as partes. Uma grande distância entre as duas linhas indica sobreajuste (mais dados ou um modelo mais simples podem ajudar); duas linhas baixas indicam subajuste.</translation>
    </message>
    <message>
        <source>Validation curve</source>
        <translation>Curva de validação</translation>
    </message>
    <message>
        <source>Shaded: ± one standard deviation over the folds. Left, both scores are low: the model is too simple (underfitting). Where the training score keeps rising but the validation score stops rising or falls, the model has begun to memorise its training rows (overfitting): the best value is near the top of the validation line.</source>
        <translation>Sombreado: ± um desvio padrão sobre as partes. À esquerda, as duas pontuações são baixas: o modelo é simples demais (subajuste). Onde a pontuação no treinamento continua subindo mas a de validação para de subir ou cai, o modelo começou a decorar as linhas de treinamento (sobreajuste): o melhor valor fica perto do topo da linha de validação.</translation>
    </message>
</context>
<context>
    <name>oficina::ui::LossChart</name>
    <message>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Escala logarítmica</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Acurácia</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>%1 below −1 (lowest %2) runs off the axis</source>
        <translation>%1 abaixo de −1 (mínimo %2) sai do eixo</translation>
    </message>
</context>
<context>
    <name>oficina::ui::MainWindow</name>
    <message>
        <source>Run log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>Abrir &amp;exemplo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Executar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Oficina</source>
        <translation>&amp;Sobre o Oficina</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Não é possível abrir %1: %2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Aberto: %1</translation>
    </message>
    <message>
        <source>Press F5 to run the pipeline</source>
        <translation>Pressione F5 para executar o pipeline</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>Abrir pipeline</translation>
    </message>
    <message>
        <source>Oficina pipelines (*.oficina)</source>
        <translation>Pipelines do Oficina (*.oficina)</translation>
    </message>
    <message>
        <source>Cannot open pipeline</source>
        <translation>Não é possível abrir o pipeline</translation>
    </message>
    <message>
        <source>Run started</source>
        <translation>Execução iniciada</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Parando…</translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation>%1: em execução</translation>
    </message>
    <message>
        <source>%1: done (cached)</source>
        <translation>%1: concluído (do cache)</translation>
    </message>
    <message>
        <source>%1: done in %2 s</source>
        <translation>%1: concluído em %2 s</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: falhou: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1: aviso: %2</translation>
    </message>
    <message>
        <source>The pipeline changed during the run; results are stale</source>
        <translation>O pipeline foi alterado durante a execução; os resultados estão desatualizados</translation>
    </message>
    <message>
        <source>Run stopped</source>
        <translation>Execução interrompida</translation>
    </message>
    <message>
        <source>Run finished with errors</source>
        <translation>Execução concluída com erros</translation>
    </message>
    <message>
        <source>Run finished</source>
        <translation>Execução concluída</translation>
    </message>
    <message>
        <source>Some nodes failed: see the run log</source>
        <translation>Alguns nós falharam: veja o registro de execução</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Drag nodes from the palette, or open a pipeline</source>
        <translation>Arraste nós da paleta ou abra um pipeline</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nós</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriedades</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Saídas</translation>
    </message>
    <message>
        <source>Run summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Novo</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Salvar &amp;como…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;recente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Recor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Co&amp;lar</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;xcluir</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Selecionar &amp;tudo</translation>
    </message>
    <message>
        <source>Re&amp;name node…</source>
        <translation>Re&amp;nomear nó…</translation>
    </message>
    <message>
        <source>Add co&amp;mment</source>
        <translation>Adicionar co&amp;mentário</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation>&amp;Ajustar à janela</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Aumentar zoom</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Diminuir zoom</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>Tamanho &amp;real</translation>
    </message>
    <message>
        <source>&amp;Snap to grid</source>
        <translation>Alinhar à &amp;grade</translation>
    </message>
    <message>
        <source>&amp;Run all</source>
        <translation>E&amp;xecutar tudo</translation>
    </message>
    <message>
        <source>Run from &amp;selected node</source>
        <translation>Executar a partir do nó &amp;selecionado</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>Run &amp;automatically on change</source>
        <translation>Executar &amp;automaticamente ao mudar</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sem título</translation>
    </message>
    <message>
        <source>%1[*] — Oficina</source>
        <translation>%1[*] — Oficina</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Não foi possível salvar %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 salvo</translation>
    </message>
    <message>
        <source>Cannot save pipeline</source>
        <translation>Não foi possível salvar o pipeline</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>pipeline</translation>
    </message>
    <message>
        <source>Save pipeline</source>
        <translation>Salvar pipeline</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <source>The pipeline has unsaved changes. Save them first?</source>
        <translation>O pipeline tem alterações não salvas. Salvá-las antes?</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>O salvamento automático falhou: %1</translation>
    </message>
    <message>
        <source>Recovered an unsaved pipeline</source>
        <translation>Um pipeline não salvo foi recuperado</translation>
    </message>
    <message>
        <source>Rename node</source>
        <translation>Renomear nó</translation>
    </message>
    <message>
        <source>Name (empty for the node type&apos;s name):</source>
        <translation>Nome (vazio para o nome do tipo de nó):</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
    <message>
        <source>Nothing to paste: %1</source>
        <translation>Nada para colar: %1</translation>
    </message>
    <message>
        <source>Add co&amp;mment here</source>
        <translation>Adicionar co&amp;mentário aqui</translation>
    </message>
    <message numerus="yes">
        <source>Run started from %n node(s)</source>
        <translation>
            <numerusform>Execução iniciada a partir de %n nó</numerusform>
            <numerusform>Execução iniciada a partir de %n nós</numerusform>
        </translation>
    </message>
    <message>
        <source>E&amp;xport model to ONNX…</source>
        <translation>E&amp;xportar modelo para ONNX…</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>Exportar para ONNX</translation>
    </message>
    <message>
        <source>Select the node whose trained model to export.</source>
        <translation>Selecione o nó cujo modelo treinado deve ser exportado.</translation>
    </message>
    <message>
        <source>Cannot export %1 to ONNX: %2</source>
        <translation>Não é possível exportar %1 para ONNX: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has not trained a model yet: run the pipeline first.</source>
        <translation>&apos;%1&apos; ainda não treinou um modelo: execute o pipeline antes.</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>Modelos ONNX (*.onnx)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 to %2 (%3, %n graph nodes) with its card %4</source>
        <translation>
            <numerusform>%1 exportado para %2 (%3, %n nó no grafo) com seu cartão %4</numerusform>
            <numerusform>%1 exportado para %2 (%3, %n nós no grafo) com seu cartão %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>Não é possível abrir o exemplo</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pre&amp;ferências…</translation>
    </message>
    <message>
        <source>&amp;Examples and start page</source>
        <translation>&amp;Exemplos e página inicial</translation>
    </message>
    <message>
        <source>Opened the example %1; a copy until you save it</source>
        <translation>Exemplo %1 aberto; é uma cópia até você salvá-lo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language takes effect after restarting Oficina.</source>
        <translation>O novo idioma passa a valer depois de reiniciar o Oficina.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ajuda</translation>
    </message>
    <message>
        <source>&amp;Node help</source>
        <translation>Ajuda dos &amp;nós</translation>
    </message>
    <message>
        <source>Recover pipelines</source>
        <translation>Recuperar pipelines</translation>
    </message>
    <message>
        <source>Cannot recover the unsaved pipeline %1: %2. Its file is kept as %3.</source>
        <translation>Não é possível recuperar o pipeline não salvo %1: %2. Seu arquivo foi guardado como %3.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sem título)</translation>
    </message>
    <message>
        <source>Run cancelled: it would replace files outside the pipeline&apos;s folder</source>
        <translation>Execução cancelada: ela substituiria arquivos fora da pasta do pipeline</translation>
    </message>
    <message>
        <source>Replace files outside the pipeline&apos;s folder?</source>
        <translation>Substituir arquivos fora da pasta do pipeline?</translation>
    </message>
    <message>
        <source>Running this pipeline replaces files outside its own folder:

%1

Run it anyway?</source>
        <translation>Executar este pipeline substitui arquivos fora da sua própria pasta:

%1

Executar mesmo assim?</translation>
    </message>
    <message>
        <source>%1: wrote %2</source>
        <translation>%1: gravou %2</translation>
    </message>
    <message>
        <source>&amp;Finish training and continue</source>
        <translation>&amp;Concluir o treinamento e continuar</translation>
    </message>
    <message>
        <source>Finish training</source>
        <translation>Concluir treinamento</translation>
    </message>
    <message>
        <source>End the training under way now and run the rest of the pipeline with the model as it is (a network keeps its best weights so far)</source>
        <translation>Encerra agora o treinamento em curso e executa o resto do pipeline com o modelo como está (uma rede fica com os melhores pesos até aqui)</translation>
    </message>
    <message>
        <source>Auto-run: on</source>
        <translation>Execução automática: ligada</translation>
    </message>
    <message>
        <source>Auto-run: off</source>
        <translation>Execução automática: desligada</translation>
    </message>
    <message>
        <source>Finishing the training under way; the run goes on…</source>
        <translation>Concluindo o treinamento em curso; a execução continua…</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>A&amp;presentação</translation>
    </message>
    <message>
        <source>Export &amp;model…</source>
        <translation>Exportar &amp;modelo…</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Salvar modelo</translation>
    </message>
    <message>
        <source>Select the node whose trained model to save.</source>
        <translation>Selecione o nó cujo modelo treinado deve ser salvo.</translation>
    </message>
    <message>
        <source>Save the selected node&apos;s trained model as a model package (*.ofmodel), for oficina-cli predict and serve</source>
        <translation>Salva o modelo treinado do nó selecionado como um pacote de modelo (*.ofmodel), para o oficina-cli predict e o serve</translation>
    </message>
    <message>
        <source>Ser&amp;ve model…</source>
        <translation>Ser&amp;vir modelo…</translation>
    </message>
    <message>
        <source>Serve model</source>
        <translation>Servir modelo</translation>
    </message>
    <message>
        <source>Select the node whose trained model to serve.</source>
        <translation>Selecione o nó cujo modelo treinado deve ser servido.</translation>
    </message>
    <message>
        <source>Serve the selected node&apos;s trained model over HTTP, for other programs to ask it for predictions</source>
        <translation>Serve o modelo treinado do nó selecionado por HTTP, para que outros programas lhe peçam previsões</translation>
    </message>
    <message>
        <source>Save &amp;model…</source>
        <translation>Salvar &amp;modelo…</translation>
    </message>
    <message>
        <source>Ser&amp;ve…</source>
        <translation>Ser&amp;vir…</translation>
    </message>
    <message>
        <source>Serve this trained model over HTTP</source>
        <translation>Serve este modelo treinado por HTTP</translation>
    </message>
    <message>
        <source>Cannot save the model of %1: %2</source>
        <translation>Não é possível salvar o modelo de %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; or a node before it has changed since the model was trained: run the pipeline again to save the model it describes now.</source>
        <translation>&apos;%1&apos; ou um nó anterior a ele mudou desde que o modelo foi treinado: execute o pipeline de novo para salvar o modelo que ele descreve agora.</translation>
    </message>
    <message>
        <source>Oficina models (*.ofmodel)</source>
        <translation>Modelos do Oficina (*.ofmodel)</translation>
    </message>
    <message>
        <source>Saving the model of %1 to %2…</source>
        <translation>Salvando o modelo de %1 em %2…</translation>
    </message>
    <message>
        <source>Could not save the model of %1 to %2: %3</source>
        <translation>Não foi possível salvar o modelo de %1 em %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>Saved model &apos;%1&apos; to %2 (%n inputs, %3)</source>
        <translation>
            <numerusform>Modelo &apos;%1&apos; salvo em %2 (%n entrada, %3)</numerusform>
            <numerusform>Modelo &apos;%1&apos; salvo em %2 (%n entradas, %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot serve the model of %1: %2</source>
        <translation>Não é possível servir o modelo de %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; or a node before it has changed since the model was trained: run the pipeline again to serve the model it describes now.</source>
        <translation>&apos;%1&apos; ou um nó anterior a ele mudou desde que o modelo foi treinado: execute o pipeline de novo para servir o modelo que ele descreve agora.</translation>
    </message>
    <message>
        <source>Serving the model of %1 at %2</source>
        <translation>Servindo o modelo de %1 em %2</translation>
    </message>
    <message>
        <source>Serving the model of %1 on port %2</source>
        <translation>Servindo o modelo de %1 na porta %2</translation>
    </message>
    <message>
        <source>Stopped serving the model of %1</source>
        <translation>O modelo de %1 deixou de ser servido</translation>
    </message>
    <message>
        <source>Serving the model of %1 as retrained (version %2)</source>
        <translation>Servindo o modelo de %1 treinado de novo (versão %2)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Execuções</translation>
    </message>
    <message>
        <source>Cannot restore the run</source>
        <translation>Não é possível restaurar a execução</translation>
    </message>
    <message>
        <source>Rec&amp;ord runs</source>
        <translation>&amp;Registrar execuções</translation>
    </message>
    <message>
        <source>Keep each run of this pipeline (parameters, data fingerprints, metrics, charts) in the run store beside it; saved with the pipeline</source>
        <translation>Guarda cada execução deste pipeline (parâmetros, impressões digitais dos dados, métricas, gráficos) no repositório de execuções ao lado dele; esta opção é salva com o pipeline</translation>
    </message>
    <message>
        <source>R&amp;uns…</source>
        <translation>Exec&amp;uções…</translation>
    </message>
    <message>
        <source>Browse, compare and restore the recorded runs of this pipeline</source>
        <translation>Explora, compara e restaura as execuções registradas deste pipeline</translation>
    </message>
    <message>
        <source>Recorded as run #%1</source>
        <translation>Registrada como execução #%1</translation>
    </message>
    <message>
        <source>Runs are not being recorded: %1</source>
        <translation>As execuções não estão sendo registradas: %1</translation>
    </message>
    <message>
        <source>Cannot keep the charts with the run: %1</source>
        <translation>Não é possível guardar os gráficos com a execução: %1</translation>
    </message>
    <message>
        <source>Cannot restore the run: %1</source>
        <translation>Não é possível restaurar a execução: %1</translation>
    </message>
    <message>
        <source>Restored the pipeline of run #%1; save it to keep it</source>
        <translation>O pipeline da execução #%1 foi restaurado; salve-o para mantê-lo</translation>
    </message>
    <message>
        <source>Cannot keep the model with its run: %1</source>
        <translation>Não é possível guardar o modelo com a execução: %1</translation>
    </message>
</context>
<context>
    <name>oficina::ui::NodeItem</name>
    <message>
        <source>k = %1</source>
        <translation>k = %1</translation>
    </message>
    <message>
        <source>, silhouette %1</source>
        <translation>, silhueta %1</translation>
    </message>
    <message>
        <source>accuracy %1</source>
        <translation>acurácia %1</translation>
    </message>
    <message>
        <source>R² %1</source>
        <translation>R² %1</translation>
    </message>
    <message>
        <source>suggested k = %1</source>
        <translation>k sugerido = %1</translation>
    </message>
    <message>
        <source>suggested eps = %1</source>
        <translation>eps sugerido = %1</translation>
    </message>
    <message numerus="yes">
        <source>%n components, %1% variance</source>
        <translation>
            <numerusform>%n componente, %1% da variância</numerusform>
            <numerusform>%n componentes, %1% da variância</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>trained in %n iterations</source>
        <translation>
            <numerusform>treinado em %n iteração</numerusform>
            <numerusform>treinado em %n iterações</numerusform>
        </translation>
    </message>
    <message>
        <source>trained</source>
        <translation>treinado</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 linhas × %2 colunas</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>desatualizado</translation>
    </message>
    <message>
        <source>running %1%</source>
        <translation>executando %1%</translation>
    </message>
    <message>
        <source>running</source>
        <translation>executando</translation>
    </message>
    <message>
        <source>done</source>
        <translation>concluído</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message numerus="yes">
        <source>trained for %n epochs</source>
        <translation>
            <numerusform>treinado por %n época</numerusform>
            <numerusform>treinado por %n épocas</numerusform>
        </translation>
    </message>
    <message>
        <source>ONNX written, %1 KB</source>
        <translation>ONNX gravado, %1 KB</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n gates passed</source>
        <translation>
            <numerusform>%1 de %n gate aprovado</numerusform>
            <numerusform>%1 de %n gates aprovados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>oficina::ui::NodeOutputsView</name>
    <message>
        <source>Select a node that has run to see its results.</source>
        <translation>Selecione um nó que já foi executado para ver seus resultados.</translation>
    </message>
    <message>
        <source>%1 — failed: %2</source>
        <translation>%1 — falhou: %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 plot</source>
        <translation>gráfico de %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <source>Training %1…</source>
        <translation>Treinando %1…</translation>
    </message>
</context>
<context>
    <name>oficina::ui::NodePalette</name>
    <message>
        <source>Search nodes…</source>
        <translation>Buscar nós…</translation>
    </message>
    <message>
        <source>When to use it:</source>
        <translation>Quando usar:</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ParamEditor</name>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>column name</source>
        <translation>nome da coluna</translation>
    </message>
    <message>
        <source>comma-separated column names</source>
        <translation>nomes de colunas separados por vírgulas</translation>
    </message>
    <message>
        <source>Not a column of the input</source>
        <translation>Não é uma coluna da entrada</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Escolher um arquivo</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Salvar como</translation>
    </message>
    <message>
        <source>The target: it cannot also be a feature</source>
        <translation>O alvo: ele não pode ser também um atributo</translation>
    </message>
</context>
<context>
    <name>oficina::ui::PipelineScene</name>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation>
            <numerusform>Excluir %n item</numerusform>
            <numerusform>Excluir %n itens</numerusform>
        </translation>
    </message>
    <message>
        <source>both ports are outputs; link an output to an input</source>
        <translation>as duas portas são saídas; ligue uma saída a uma entrada</translation>
    </message>
    <message>
        <source>both ports are inputs; link an output to an input</source>
        <translation>as duas portas são entradas; ligue uma saída a uma entrada</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Não foi possível conectar: %1</translation>
    </message>
</context>
<context>
    <name>oficina::ui::PrecisionRecallChart</name>
    <message>
        <source>Precision–recall curve</source>
        <translation>Curva de precisão–revocação</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Revocação</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisão</translation>
    </message>
    <message>
        <source>%1 (AP %2)</source>
        <translation>%1 (PM %2)</translation>
    </message>
    <message>
        <source>Mean average precision over the classes: %1</source>
        <translation>Média da precisão média (PM) sobre as classes: %1</translation>
    </message>
</context>
<context>
    <name>oficina::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>The new language takes effect after restarting Oficina.</source>
        <translation>O novo idioma passa a valer depois de reiniciar o Oficina.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
</context>
<context>
    <name>oficina::ui::PropertyPanel</name>
    <message>
        <source>Select a node to edit its parameters.</source>
        <translation>Selecione um nó para editar seus parâmetros.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>This node has no parameters.</source>
        <translation>Este nó não tem parâmetros.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>oficina::ui::RecoveryDialog</name>
    <message>
        <source>Recover pipelines</source>
        <translation>Recuperar pipelines</translation>
    </message>
    <message>
        <source>Oficina did not close properly. These unsaved pipelines were kept; check the ones to recover (each opens in a window of its own) or to discard. Those left alone are offered again next time.</source>
        <translation>O Oficina não foi fechado corretamente. Estes pipelines não salvos foram guardados; marque os que deseja recuperar (cada um abre em sua própria janela) ou descartar. Os que ficarem sem marcação serão oferecidos de novo na próxima vez.</translation>
    </message>
    <message>
        <source>&amp;Recover checked</source>
        <translation>&amp;Recuperar marcados</translation>
    </message>
    <message>
        <source>&amp;Discard checked</source>
        <translation>&amp;Descartar marcados</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>De&amp;pois</translation>
    </message>
    <message>
        <source>Untitled pipeline</source>
        <translation>Pipeline sem título</translation>
    </message>
    <message>
        <source>%1 (autosaved %2)</source>
        <translation>%1 (salvo automaticamente %2)</translation>
    </message>
</context>
<context>
    <name>oficina::ui::RegisterModelDialog</name>
    <message>
        <source>Register model</source>
        <translation>Registrar modelo</translation>
    </message>
    <message>
        <source>Registers the model that run %1 saved under a name, as its next version. oficina-cli serve and predict find it as models:/NAME.</source>
        <translation>Registra o modelo salvo pela execução %1 sob um nome, como a próxima versão desse nome. O oficina-cli serve e o predict o encontram como models:/NAME.</translation>
    </message>
    <message>
        <source>e.g. churn</source>
        <translation>p. ex. churn</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;From node:</source>
        <translation>&amp;Do nó:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>D&amp;escrição:</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrar</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ResidualPlot</name>
    <message>
        <source>Residuals</source>
        <translation>Resíduos</translation>
    </message>
    <message>
        <source>Predicted vs actual</source>
        <translation>Previsto vs. real</translation>
    </message>
    <message>
        <source>Residuals vs predicted</source>
        <translation>Resíduos vs. previsto</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Residual (actual − predicted)</source>
        <translation>Resíduo (real − previsto)</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>linhas</translation>
    </message>
    <message>
        <source>perfect prediction</source>
        <translation>previsão perfeita</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>zero</translation>
    </message>
</context>
<context>
    <name>oficina::ui::RocChart</name>
    <message>
        <source>ROC curve</source>
        <translation>Curva ROC</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>Taxa de falsos positivos</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>Taxa de verdadeiros positivos</translation>
    </message>
    <message>
        <source>%1 (AUC %2)</source>
        <translation>%1 (AUC %2)</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>acaso</translation>
    </message>
    <message>
        <source>Macro one-vs-rest AUC: %1</source>
        <translation>AUC macro um-contra-todos: %1</translation>
    </message>
</context>
<context>
    <name>oficina::ui::RunCompareView</name>
    <message>
        <source>%1 (%2)</source>
        <comment>a metric (the node that measured it)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Networks and multi-threaded XGBoost may differ in the last bits when run again, even on the same data.</source>
        <translation>Redes neurais e o XGBoost com várias threads podem diferir nos últimos bits quando executados de novo, mesmo com os mesmos dados.</translation>
    </message>
    <message>
        <source>Comparing runs %1</source>
        <translation>Comparando as execuções %1</translation>
    </message>
    <message>
        <source>%1 (runs %2)</source>
        <translation>%1 (execuções %2)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parâmetros</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation>Matrizes de confusão</translation>
    </message>
    <message>
        <source>#%1</source>
        <comment>a run by its number</comment>
        <translation>#%1</translation>
    </message>
    <message>
        <source>data: %1</source>
        <translation>dados: %1</translation>
    </message>
    <message>
        <source>Only differences</source>
        <translation>Só as diferenças</translation>
    </message>
    <message>
        <source>None of these runs recorded a series (such as a loss per epoch).</source>
        <translation>Nenhuma destas execuções registrou uma série (como a perda por época).</translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>Série:</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a line of a chart: a run, a series</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>Execução %1 · %2</translation>
    </message>
    <message>
        <source>None of these runs has a confusion matrix.</source>
        <translation>Nenhuma destas execuções tem matriz de confusão.</translation>
    </message>
</context>
<context>
    <name>oficina::ui::RunController</name>
    <message>
        <source>unknown error</source>
        <translation>erro desconhecido</translation>
    </message>
</context>
<context>
    <name>oficina::ui::RunCurvesChart</name>
    <message>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Passo</translation>
    </message>
</context>
<context>
    <name>oficina::ui::RunsPanel</name>
    <message>
        <source>Filter by number, note, tag, pipeline or data file</source>
        <translation>Filtrar por número, nota, etiqueta, pipeline ou arquivo de dados</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos os status</translation>
    </message>
    <message>
        <source>Cannot save the note</source>
        <translation>Não é possível salvar a nota</translation>
    </message>
    <message>
        <source>Cannot save the tags</source>
        <translation>Não é possível salvar as etiquetas</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Read the list of runs again</source>
        <translation>Ler de novo a lista de execuções</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Parameters, metrics, curves and confusion matrices of the selected runs side by side</source>
        <translation>Parâmetros, métricas, curvas e matrizes de confusão das execuções selecionadas lado a lado</translation>
    </message>
    <message>
        <source>Restore pipeline</source>
        <translation>Restaurar pipeline</translation>
    </message>
    <message>
        <source>Open the pipeline as it was in this run</source>
        <translation>Abrir o pipeline como estava nesta execução</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Executar de novo</translation>
    </message>
    <message>
        <source>Restore the pipeline of this run and run it</source>
        <translation>Restaurar o pipeline desta execução e executá-lo</translation>
    </message>
    <message>
        <source>Note and tags</source>
        <translation>Nota e etiquetas</translation>
    </message>
    <message>
        <source>Write a note on this run (tags: edit the Tags column)</source>
        <translation>Escrever uma nota sobre esta execução (etiquetas: edite a coluna Etiquetas)</translation>
    </message>
    <message>
        <source>Register model…</source>
        <translation>Registrar modelo…</translation>
    </message>
    <message>
        <source>Give the model this run saved a name and version, for serving</source>
        <translation>Dar um nome e uma versão ao modelo que esta execução salvou, para servi-lo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Delete the selected runs</source>
        <translation>Excluir as execuções selecionadas</translation>
    </message>
    <message>
        <source>No runs recorded yet.</source>
        <translation>Nenhuma execução registrada ainda.</translation>
    </message>
    <message>
        <source>Reading the runs…</source>
        <translation>Lendo as execuções…</translation>
    </message>
    <message>
        <source>Cannot read the runs: %1</source>
        <translation>Não é possível ler as execuções: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%n execução em %1</numerusform>
            <numerusform>%n execuções em %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the run store</source>
        <translation>Não é possível abrir o repositório de execuções</translation>
    </message>
    <message>
        <source>Select a run for its details; two or more to compare them.</source>
        <translation>Selecione uma execução para ver seus detalhes; duas ou mais para compará-las.</translation>
    </message>
    <message numerus="yes">
        <source>%n runs selected</source>
        <translation>
            <numerusform>%n execução selecionada</numerusform>
            <numerusform>%n execuções selecionadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot compare runs</source>
        <translation>Não é possível comparar as execuções</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Comparar execuções</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Excluir execuções</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s)? Their metrics and the files stored with them go too; this cannot be undone.</source>
        <translation>
            <numerusform>Excluir %n execução? As métricas e os arquivos guardados com ela também serão excluídos; isso não pode ser desfeito.</numerusform>
            <numerusform>Excluir %n execuções? As métricas e os arquivos guardados com elas também serão excluídos; isso não pode ser desfeito.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot delete runs</source>
        <translation>Não é possível excluir as execuções</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n run(s)</source>
        <translation>
            <numerusform>%n execução excluída</numerusform>
            <numerusform>%n execuções excluídas</numerusform>
        </translation>
    </message>
    <message>
        <source>Register model</source>
        <translation>Registrar modelo</translation>
    </message>
    <message>
        <source>Run #%1 saved no model package. Add a Save model node to the pipeline, run it, and register that run&apos;s model.</source>
        <translation>A execução #%1 não salvou nenhum pacote de modelo. Adicione um nó Salvar modelo ao pipeline, execute-o e registre o modelo dessa execução.</translation>
    </message>
    <message>
        <source>#%1</source>
        <comment>a run by its number</comment>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Cannot register the model</source>
        <translation>Não é possível registrar o modelo</translation>
    </message>
    <message>
        <source>Registered %1 version %2 (models:/%1/%2)</source>
        <translation>%1 registrado como versão %2 (models:/%1/%2)</translation>
    </message>
</context>
<context>
    <name>oficina::ui::RunsTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <comment>a metric (the node that measured it)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Em execução</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Com falha</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Interrompida</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abortada</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Failed at node %1</source>
        <translation>Falhou no nó %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Run</source>
        <comment>column: the run&apos;s number (a noun)</comment>
        <translation>Execução</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Data</source>
        <comment>column: the data files a run read</comment>
        <translation>Dados</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ScatterPlot</name>
    <message>
        <source>Scatter plot</source>
        <translation>Gráfico de dispersão</translation>
    </message>
    <message>
        <source>True-label shapes</source>
        <translation>Formas pelo rótulo verdadeiro</translation>
    </message>
    <message>
        <source>Marker shape shows the true label, colour the cluster</source>
        <translation>A forma do marcador mostra o rótulo verdadeiro; a cor, o grupo</translation>
    </message>
    <message>
        <source>X:</source>
        <translation>X:</translation>
    </message>
    <message>
        <source>Y:</source>
        <translation>Y:</translation>
    </message>
    <message>
        <source>Choose two numeric columns.</source>
        <translation>Escolha duas colunas numéricas.</translation>
    </message>
    <message>
        <source>points</source>
        <translation>pontos</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>ruído</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>grupo %1</translation>
    </message>
    <message>
        <source>centroids</source>
        <translation>centroides</translation>
    </message>
    <message>
        <source>Sampled for speed: %1 of %2 points shown, one in %3 (no OpenGL here).</source>
        <translation>Amostrado por velocidade: %1 de %2 pontos mostrados, um a cada %3 (sem OpenGL aqui).</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ScoreBarsChart</name>
    <message>
        <source>Score:</source>
        <translation>Pontuação:</translation>
    </message>
    <message>
        <source>Model comparison</source>
        <translation>Comparação de modelos</translation>
    </message>
    <message>
        <source>Scores per fold</source>
        <translation>Pontuações por parte (fold)</translation>
    </message>
    <message>
        <source>Fold %1</source>
        <translation>Parte %1</translation>
    </message>
    <message>
        <source>%1, mean</source>
        <translation>%1, média</translation>
    </message>
    <message>
        <source>± 1 standard deviation</source>
        <translation>± 1 desvio padrão</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>média %1</translation>
    </message>
    <message>
        <source>Each bar is the mean over the cross-validation folds; the whisker spans one standard deviation either side.</source>
        <translation>Cada barra é a média sobre as partes da validação cruzada; a haste cobre um desvio padrão para cada lado.</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ServeDialog</name>
    <message>
        <source>Serve %1</source>
        <translation>Servir %1</translation>
    </message>
    <message>
        <source>Answers predictions over HTTP while this window is open, as oficina-cli serve does: other programs send rows and get back what “%1” predicts, in the Open Inference Protocol v2 (KServe, Triton) or MLflow&apos;s scoring protocol.</source>
        <translation>Responde com previsões por HTTP enquanto esta janela estiver aberta, como faz o oficina-cli serve: outros programas enviam linhas e recebem de volta o que “%1” prevê, no Open Inference Protocol v2 (KServe, Triton) ou no protocolo de pontuação do MLflow.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Porta:</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Qualquer porta livre</translation>
    </message>
    <message>
        <source>The TCP port to listen on; 0 takes any free one</source>
        <translation>A porta TCP em que escutar; 0 usa qualquer porta livre</translation>
    </message>
    <message>
        <source>Allow other computers on the network</source>
        <translation>Permitir outros computadores da rede</translation>
    </message>
    <message>
        <source>Listen on every network interface (0.0.0.0) instead of only on this computer (127.0.0.1)</source>
        <translation>Escuta em todas as interfaces de rede (0.0.0.0), em vez de só neste computador (127.0.0.1)</translation>
    </message>
    <message>
        <source>Anyone who can reach this computer can send it rows and read the predictions: there is no password and no encryption. Use this on a network you trust.</source>
        <translation>Qualquer pessoa que alcance este computador pode enviar linhas a ele e ler as previsões: não há senha nem criptografia. Use isto numa rede confiável.</translation>
    </message>
    <message>
        <source>The pipeline trained this model again. The server still answers with the model it started with.</source>
        <translation>O pipeline treinou este modelo de novo. O servidor continua respondendo com o modelo com que começou.</translation>
    </message>
    <message>
        <source>&amp;Update the served model</source>
        <translation>&amp;Atualizar o modelo servido</translation>
    </message>
    <message>
        <source>Serve the new model as the next version: requests under way finish on the current one</source>
        <translation>Serve o novo modelo como a próxima versão: as requisições em andamento terminam na atual</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Copiar o endereço</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Predictions:</source>
        <translation>Previsões:</translation>
    </message>
    <message>
        <source>Open Inference Protocol v2</source>
        <translation>Open Inference Protocol v2</translation>
    </message>
    <message>
        <source>MLflow /invocations</source>
        <translation>MLflow /invocations</translation>
    </message>
    <message>
        <source>&amp;Copy command</source>
        <translation>&amp;Copiar comando</translation>
    </message>
    <message>
        <source>Copy this curl command, which predicts a training row</source>
        <translation>Copia este comando curl, que prevê uma linha de treinamento</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Try it from a terminal</source>
        <translation>Experimente num terminal</translation>
    </message>
    <message>
        <source>Requests to this model, sampled every second. Percentiles are estimated from the server&apos;s latency histogram, as Prometheus does.</source>
        <translation>Requisições a este modelo, amostradas a cada segundo. Os percentis são estimados a partir do histograma de latência do servidor, como faz o Prometheus.</translation>
    </message>
    <message>
        <source>Not serving.</source>
        <translation>Servidor parado.</translation>
    </message>
    <message>
        <source>Port %1 is already in use. Choose another port, or 0 for any free one.</source>
        <translation>A porta %1 já está em uso. Escolha outra porta, ou 0 para qualquer porta livre.</translation>
    </message>
    <message>
        <source>Preparing the model (it predicts every training row once)…</source>
        <translation>Preparando o modelo (ele prevê cada linha de treinamento uma vez)…</translation>
    </message>
    <message>
        <source>Could not prepare the model: %1</source>
        <translation>Não foi possível preparar o modelo: %1</translation>
    </message>
    <message>
        <source>Could not start the server: %1</source>
        <translation>Não foi possível iniciar o servidor: %1</translation>
    </message>
    <message>
        <source>The server stopped: %1</source>
        <translation>O servidor parou: %1</translation>
    </message>
    <message>
        <source>Serving “%1” (version %2) on port %3 since %4.</source>
        <translation>Servindo “%1” (versão %2) na porta %3 desde %4.</translation>
    </message>
    <message>
        <source>Stopping: finishing the requests under way…</source>
        <translation>Parando: concluindo as requisições em andamento…</translation>
    </message>
    <message>
        <source>Stopped. Port %1 is free again.</source>
        <translation>Parado. A porta %1 está livre de novo.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Pa&amp;rar</translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation>Usar a porta %1</translation>
    </message>
    <message>
        <source>(not serving)</source>
        <translation>(servidor parado)</translation>
    </message>
    <message>
        <source>Other computers use this computer&apos;s name or address instead of 127.0.0.1: http://%1:%2</source>
        <translation>Outros computadores usam o nome ou o endereço deste computador no lugar de 127.0.0.1: http://%1:%2</translation>
    </message>
    <message>
        <source># Start the server to get a request here that predicts a training row.</source>
        <translation># Inicie o servidor para ver aqui uma requisição que prevê uma linha de treinamento.</translation>
    </message>
    <message>
        <source>Requests: %1 · Errors: %2 · Rows predicted: %3</source>
        <translation>Requisições: %1 · Erros: %2 · Linhas previstas: %3</translation>
    </message>
    <message>
        <source>Preparing the new model…</source>
        <translation>Preparando o novo modelo…</translation>
    </message>
    <message>
        <source>Could not prepare the new model: %1. The server goes on with the one it has.</source>
        <translation>Não foi possível preparar o novo modelo: %1. O servidor continua com o que já tem.</translation>
    </message>
    <message>
        <source>Could not update the served model: %1</source>
        <translation>Não foi possível atualizar o modelo servido: %1</translation>
    </message>
    <message>
        <source>Serving “%1” (version %2) on port %3, updated at %4.</source>
        <translation>Servindo “%1” (versão %2) na porta %3, atualizado às %4.</translation>
    </message>
</context>
<context>
    <name>oficina::ui::ServeTrafficChart</name>
    <message>
        <source>Traffic</source>
        <translation>Tráfego</translation>
    </message>
    <message>
        <source>Seconds ago</source>
        <translation>Segundos atrás</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Requisições por segundo</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latência (ms)</translation>
    </message>
    <message>
        <source>Mean latency</source>
        <translation>Latência média</translation>
    </message>
    <message>
        <source>99th percentile latency</source>
        <translation>Latência no percentil 99</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Requisições/s</translation>
    </message>
</context>
<context>
    <name>oficina::ui::StartPage</name>
    <message>
        <source>Oficina</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <source>Load data, clean it, train and evaluate models by connecting nodes on a canvas.</source>
        <translation>Carregue dados, limpe-os, treine e avalie modelos conectando nós em uma tela.</translation>
    </message>
    <message>
        <source>New empty pipeline</source>
        <translation>Novo pipeline vazio</translation>
    </message>
    <message>
        <source>Open a pipeline…</source>
        <translation>Abrir um pipeline…</translation>
    </message>
    <message>
        <source>Back to the pipeline</source>
        <translation>Voltar ao pipeline</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Recentes</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exemplos</translation>
    </message>
    <message>
        <source>Each example opens, runs and shows its most telling result.</source>
        <translation>Cada exemplo abre, executa e mostra o seu resultado mais revelador.</translation>
    </message>
    <message>
        <source>Open and run</source>
        <translation>Abrir e executar</translation>
    </message>
    <message>
        <source>No recent pipelines</source>
        <translation>Nenhum pipeline recente</translation>
    </message>
</context>
<context>
    <name>oficina::ui::StepThroughDialog</name>
    <message>
        <source>Step through K-Means</source>
        <translation>Executar o K-Means passo a passo</translation>
    </message>
    <message>
        <source>Step through gradient descent</source>
        <translation>Executar a descida do gradiente passo a passo</translation>
    </message>
    <message numerus="yes">
        <source>All %n feature(s), drawn on PC1 × PC2</source>
        <translation>
            <numerusform>O %n atributo, desenhado em CP1 × CP2</numerusform>
            <numerusform>Todos os %n atributos, desenhados em CP1 × CP2</numerusform>
        </translation>
    </message>
    <message>
        <source>The two features chosen below</source>
        <translation>Os dois atributos escolhidos abaixo</translation>
    </message>
    <message>
        <source>Cluster on:</source>
        <translation>Agrupar por:</translation>
    </message>
    <message>
        <source>Horizontal axis:</source>
        <translation>Eixo horizontal:</translation>
    </message>
    <message>
        <source>Vertical axis:</source>
        <translation>Eixo vertical:</translation>
    </message>
    <message>
        <source>How far each step moves the weights against the gradient. Try 5 or more to see the loss overshoot.</source>
        <translation>Quanto cada passo move os pesos contra o gradiente. Experimente 5 ou mais para ver a perda passar do ponto.</translation>
    </message>
    <message>
        <source>Clusters (k):</source>
        <translation>Grupos (k):</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Taxa de aprendizado:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Alvo:</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>&amp;Passo</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Executar</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>&amp;Recomeçar</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Passo %1</translation>
    </message>
    <message>
        <source>Converged</source>
        <translation>Convergiu</translation>
    </message>
    <message>
        <source>Stopped at max_iter</source>
        <translation>Parou em max_iter</translation>
    </message>
    <message>
        <source>Centres placed (k-means++)</source>
        <translation>Centros posicionados (k-means++)</translation>
    </message>
    <message>
        <source>Assign points</source>
        <translation>Atribuir pontos</translation>
    </message>
    <message>
        <source>Move centres</source>
        <translation>Mover centros</translation>
    </message>
    <message>
        <source>Next: assign each point to its nearest centre</source>
        <translation>Próximo: atribuir cada ponto ao centro mais próximo</translation>
    </message>
    <message>
        <source>Iteration %1 · inertia %2</source>
        <translation>Iteração %1 · inércia %2</translation>
    </message>
    <message>
        <source>Weights at zero</source>
        <translation>Pesos em zero</translation>
    </message>
    <message>
        <source>Weights moved against the gradient</source>
        <translation>Pesos movidos contra o gradiente</translation>
    </message>
    <message>
        <source>Loss %1 · accuracy %2 %</source>
        <translation>Perda %1 · acurácia %2 %</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>P&amp;ausar</translation>
    </message>
    <message>
        <source>Step &amp;through…</source>
        <translation>Passo a pa&amp;sso…</translation>
    </message>
    <message>
        <source>Run the pipeline first: this node has not received any data yet.</source>
        <translation>Execute o pipeline primeiro: este nó ainda não recebeu dados.</translation>
    </message>
    <message>
        <source>The data needs at least two numeric feature columns without missing values.</source>
        <translation>Os dados precisam de pelo menos duas colunas de atributos numéricas sem valores ausentes.</translation>
    </message>
    <message>
        <source>Choose two different features.</source>
        <translation>Escolha dois atributos diferentes.</translation>
    </message>
    <message>
        <source>The data has no target column: mark the class column as the target.</source>
        <translation>Os dados não têm coluna-alvo: marque a coluna de classes como alvo.</translation>
    </message>
    <message>
        <source>None (logistic regression)</source>
        <translation>Nenhuma (regressão logística)</translation>
    </message>
    <message>
        <source>Units of one hidden tanh layer: with them the boundary can bend, as in a small neural network. None fits a logistic regression.</source>
        <translation>Unidades de uma camada oculta tanh: com elas a fronteira pode se curvar, como em uma pequena rede neural. Nenhuma ajusta uma regressão logística.</translation>
    </message>
    <message>
        <source>Hidden units:</source>
        <translation>Unidades ocultas:</translation>
    </message>
</context>
<context>
    <name>oficina::ui::TableModel</name>
    <message>
        <source>feature</source>
        <translation>atributo</translation>
    </message>
    <message>
        <source>target</source>
        <translation>alvo</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>previsão</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignorada</translation>
    </message>
    <message>
        <source>NA</source>
        <translation>NA</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>numérica</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>categórica</translation>
    </message>
</context>
<context>
    <name>oficina::ui::TryItPanel</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>This is inference: the trained pipeline applied to one new row. The preprocessing uses what it learned from the training rows, then the model predicts. The form starts from a real training row: change a value and see how the prediction responds.</source>
        <translation>Isto é inferência: o pipeline treinado aplicado a uma linha nova. O pré-processamento usa o que aprendeu com as linhas de treinamento e, em seguida, o modelo faz a previsão. O formulário começa com uma linha de treinamento real: mude um valor e veja como a previsão reage.</translation>
    </message>
    <message>
        <source>New row</source>
        <translation>Linha nova</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Previsão</translation>
    </message>
    <message>
        <source>No form: this model cannot be described.</source>
        <translation>Sem formulário: este modelo não pode ser descrito.</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(ausente)</translation>
    </message>
    <message>
        <source>A number. Leave it empty for a missing value, as some training rows had.</source>
        <translation>Um número. Deixe vazio para um valor ausente, como algumas linhas de treinamento tinham.</translation>
    </message>
    <message>
        <source>A number. Leave it empty for a missing value (no training row had one: the pipeline may refuse it).</source>
        <translation>Um número. Deixe vazio para um valor ausente (nenhuma linha de treinamento tinha um: o pipeline pode recusá-lo).</translation>
    </message>
    <message>
        <source>Categories seen in training: %1. Type another to see how the pipeline treats a category it has not seen.</source>
        <translation>Categorias vistas no treinamento: %1. Digite outra para ver como o pipeline trata uma categoria que não viu.</translation>
    </message>
    <message>
        <source>Back to the training row</source>
        <translation>Voltar à linha de treinamento</translation>
    </message>
    <message>
        <source>Fill the form with the training row it started from</source>
        <translation>Preenche o formulário com a linha de treinamento de onde ele partiu</translation>
    </message>
    <message>
        <source>Assigned cluster</source>
        <translation>Grupo atribuído</translation>
    </message>
    <message>
        <source>Predicted value</source>
        <translation>Valor previsto</translation>
    </message>
    <message>
        <source>Predicted %1</source>
        <translation>Previsão de %1</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number. Type one such as %3, or leave the field empty for a missing value.</source>
        <translation>%1: “%2” não é um número. Digite um número como %3, ou deixe o campo vazio para um valor ausente.</translation>
    </message>
    <message>
        <source>“%1” is new to %2: no training row had it. The pipeline treats it as its fitted encoder was set to.</source>
        <translation>“%1” é novo em %2: nenhuma linha de treinamento o tinha. O pipeline o trata conforme a configuração do seu codificador ajustado.</translation>
    </message>
    <message>
        <source>The model returned no prediction.</source>
        <translation>O modelo não retornou nenhuma previsão.</translation>
    </message>
    <message>
        <source>Noise (no cluster)</source>
        <translation>Ruído (nenhum grupo)</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Grupo %1</translation>
    </message>
</context>
<context>
    <name>oficina::ui::VarianceBars</name>
    <message>
        <source>Explained variance</source>
        <translation>Variância explicada</translation>
    </message>
    <message>
        <source>variance ratio</source>
        <translation>razão de variância</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>acumulada</translation>
    </message>
    <message>
        <source>Share of variance</source>
        <translation>Parte da variância</translation>
    </message>
</context>
<context>
    <name>std</name>
    <message>
        <source>the data has no target column; choose one in &apos;Select columns &amp; set target&apos;</source>
        <translation>os dados não têm coluna-alvo; escolha uma em &apos;Selecionar colunas e definir alvo&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be exported to ONNX with float inputs: two values of column &apos;%2&apos; are the same number in float precision (export with double inputs)</source>
        <translation>&apos;%1&apos; não pode ser exportado para ONNX com entradas float: dois valores da coluna &apos;%2&apos; são o mesmo número em precisão float (exporte com entradas double)</translation>
    </message>
    <message>
        <source>cannot read the training data file</source>
        <translation>não é possível ler o arquivo de dados de treinamento</translation>
    </message>
    <message>
        <source>not a model package: not a regular file</source>
        <translation>não é um pacote de modelo: não é um arquivo comum</translation>
    </message>
    <message>
        <source>the model package does not exist</source>
        <translation>o pacote de modelo não existe</translation>
    </message>
    <message>
        <source>cannot read the model package</source>
        <translation>não é possível ler o pacote de modelo</translation>
    </message>
    <message>
        <source>%1 was saved in state version %2; this Oficina reads up to version %3: update Oficina</source>
        <translation>%1 foi salvo na versão de estado %2; esta versão do Oficina lê até a versão %3: atualize o Oficina</translation>
    </message>
    <message>
        <source>cannot create the package: %1</source>
        <translation>não é possível criar o pacote: %1</translation>
    </message>
    <message>
        <source>cannot add %1 to the package: %2</source>
        <translation>não é possível adicionar %1 ao pacote: %2</translation>
    </message>
    <message>
        <source>cannot read the file (%1)</source>
        <translation>não é possível ler o arquivo (%1)</translation>
    </message>
</context>
</TS>
